// The pane's first load stays light: Fluent UI is imported by name and tree-shaken.

import * as fs from 'fs';
import * as path from 'path';
import { initialBundleSize } from './support/bundleSize';

const ROOT = path.join(__dirname, '..', '..');

describe('task pane bundle', () => {
  it('loads at most 300 KB of gzipped JavaScript up front, only our own bundle besides office.js', () => {
    const size = initialBundleSize(path.join(ROOT, 'dist'));
    fs.mkdirSync(path.join(ROOT, 'test', 'artifacts'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test', 'artifacts', 'bundle-size.json'), JSON.stringify(size, null, 2));
    // The ES5 start-up guard (about 1 KB gzipped) and the pane itself.
    expect(size.files.map((f) => f.file)).toEqual(['bootstrap.js', 'taskpane.js']);
    expect(size.gzipBytes).toBeLessThanOrEqual(300 * 1024);
  });

  it('tree-shakes Fluent UI: components the pane never imports are not in the bundle', () => {
    const js = fs.readFileSync(path.join(ROOT, 'dist', 'taskpane.js'), 'utf8');
    // The pane uses Button and Dialog; these larger components it never imports must not be shipped.
    expect(js).toContain('fui-Button');
    for (const unused of ['fui-Carousel', 'fui-ColorPicker', 'fui-Toolbar', 'fui-TagPicker', 'fui-Drawer']) expect(js).not.toContain(unused);
  });
});
