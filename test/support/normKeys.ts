// The built-in norm keys the issue fixes (tests and other tools depend on them).

export const BUILT_IN_KEYS = [
  'isw_eerste_gesprek_binnen_28d_pct',
  'isw_eerste_gesprek_binnen_42d_pct',
  'isw_afgesloten_binnen_6mnd_pct',
  'isw_doorverwijzing_maatwerk_wmo_pct',
  'isw_terugkeer_pct',
  'isw_zelfstandig_of_netwerk_pct',
  'cjg_in_behandeling_binnen_14d_pct',
  'cjg_overschrijdingen_14d_aantal',
  'cjg_uitstroom_specialistisch_pct',
  'gem_cijfer_eind',
  'gem_cijfer_stijging',
];

/** The keys whose values are percentages (fractions in figures, 0-100 in the expected JSON). */
export const PCT_KEYS = BUILT_IN_KEYS.filter((k) => k.endsWith('_pct'));
