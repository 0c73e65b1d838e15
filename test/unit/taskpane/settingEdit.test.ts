// Settings as a controller types them in the pane.

import { choicesFor, displayValue, parseInput } from '../../../src/taskpane/settingEdit';
import { BUDGET_SETTINGS } from '../../../src/core/features/budget/settings';

const pct = BUDGET_SETTINGS.explainPct;
const eur = BUDGET_SETTINGS.explainEur;
const rate = BUDGET_SETTINGS.fteRate;
const months = BUDGET_SETTINGS.periodMonths;

describe('setting fields in the pane', () => {
  it('shows a percentage as "5%" and reads "5%", "5" and "0,05" as 0,05', () => {
    expect(displayValue(pct, 0.05, 'nl')).toBe('5%');
    expect(displayValue(pct, 0.025, 'nl')).toBe('2,5%');
    expect(displayValue(pct, 0.025, 'en')).toBe('2.5%');
    expect(parseInput(pct, '5%')).toBe(0.05);
    expect(parseInput(pct, '5')).toBe(0.05);
    expect(parseInput(pct, '0,05')).toBe(0.05);
    expect(parseInput(pct, '7,5 %')).toBe(0.075);
  });

  it('shows amounts with Dutch grouping and reads Dutch or English notation', () => {
    expect(displayValue(eur, 15000, 'nl')).toBe('15.000');
    expect(displayValue(eur, 1234.5, 'nl')).toBe('1.234,5');
    expect(displayValue(eur, 15000, 'en')).toBe('15,000');
    expect(parseInput(eur, '20.000')).toBe(20000);
    expect(parseInput(eur, '€ 1.234,50')).toBe(1234.5);
    expect(parseInput(eur, '20000')).toBe(20000);
  });

  it('keeps words such as "auto" as text, and offers choices as a drop-down', () => {
    expect(parseInput(rate, 'auto')).toBe('auto');
    expect(displayValue(rate, 'auto', 'nl')).toBe('auto');
    expect(parseInput(rate, '106.063,03')).toBe(106063.03);
    expect(choicesFor(months, 'auto')).toEqual(['auto', '3', '6', '9', '12']);
    expect(choicesFor(months, 7)).toEqual(['auto', '3', '6', '9', '12', '7']);
  });
});
