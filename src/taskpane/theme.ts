// Follow the Office theme where the host gives one: a dark body colour means the dark Fluent theme.

import type { Theme } from '@fluentui/react-components';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';

function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  return (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
}

export function themeFor(bodyBackgroundColor: string | undefined): Theme {
  const l = bodyBackgroundColor ? luminance(bodyBackgroundColor) : null;
  return l !== null && l < 0.5 ? webDarkTheme : webLightTheme;
}
