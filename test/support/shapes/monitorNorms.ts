// The norms a controller would write in 'TB Normdefinities' for the
// trajectory monitor of seeds 002/003 (test/support/shapes/trajectoryMonitor.ts).

import type { DefinitionRow } from '../../../src/core/features/norms/definitionText';

export const MONITOR_NORMS: DefinitionRow[] = [
  { sleutel: 'st_specialistisch', indicator: 'Uitstroom ST naar specialistische zorg', blad: 'Monitor trajecten', filter: 'Team = Sociaal Team; Afgesloten op is datum', meting: 'aandeel', voorwaarde: 'Uitstroom = Specialistische zorg', norm: 'max 20%' },
  { sleutel: 'bjg_specialistisch', indicator: 'Uitstroom BJG naar specialistische zorg', blad: 'Monitor trajecten', filter: 'Team = BJG; Afgesloten op is datum', meting: 'aandeel', voorwaarde: 'Uitstroom = Specialistische zorg', norm: 'max 50%', indicatorregel: 'Uitstroom BJG naar specialistische zorg' },
  { sleutel: 'niet_terug_3mnd', indicator: 'Niet binnen 3 maanden terug met dezelfde vraag', blad: 'Monitor trajecten', filter: 'Afgesloten op is datum', meting: 'aandeel', voorwaarde: 'Terug binnen 3 maanden = Nee', norm: '≥ 90%', marge: '3%', indicatorregel: 'Indicatoren!D4' },
  { sleutel: 'st_zelfstandig', indicator: 'ST: zelfstandig verder of in sociaal netwerk', blad: 'Monitor trajecten', filter: 'Team = Sociaal Team; Afgesloten op is datum', meting: 'aandeel', voorwaarde: 'Uitstroom = Zelfstandig | Sociaal netwerk', norm: '≥ 50%' },
  { sleutel: 'tevredenheid_gem', indicator: 'Cliënttevredenheid (gemiddeld)', blad: 'Monitor trajecten', meting: 'gemiddelde', kolommen: 'Cliënttevredenheid', norm: 'minimaal 85' },
  { sleutel: 'tevreden_85_aandeel', indicator: 'Aandeel cliënten met tevredenheid 85 of meer', blad: 'Monitor trajecten', filter: 'Cliënttevredenheid is getal', meting: 'aandeel', voorwaarde: 'Cliënttevredenheid ≥ 85', norm: '≥ 25%' },
  { sleutel: 'cijfer_eind_gem', indicator: 'Waardering eigen leven na afronding', blad: 'Monitor trajecten', meting: 'gemiddelde', kolommen: 'Rapportcijfer eind', norm: '> 6,0', marge: '0,3' },
  { sleutel: 'cijfer_stijging_1_aandeel', indicator: 'Eindcijfer minstens 1 punt hoger dan bij de start', blad: 'Monitor trajecten', filter: 'Rapportcijfer start is getal; Rapportcijfer eind is getal', meting: 'aandeel', voorwaarde: 'Rapportcijfer eind ≥ Rapportcijfer start + 1', norm: '≥ 50%' },
  { sleutel: 'cijfer_stijging_gem', indicator: 'Gemiddelde stijging rapportcijfer', blad: 'Monitor trajecten', meting: 'gemiddeld verschil', kolommen: 'Rapportcijfer eind; Rapportcijfer start', norm: '≥ 1,0', marge: '0,2' },
  { sleutel: 'cijfer_eind_boven_6_per_team', indicator: 'Eindcijfer hoger dan 6', blad: 'Monitor trajecten', filter: 'Rapportcijfer eind is getal', meting: 'aandeel per Team', voorwaarde: 'Rapportcijfer eind > 6', norm: '≥ 60%' },
  { sleutel: 'trajecten_per_instelling', indicator: 'Aantal trajecten', blad: 'Monitor trajecten', meting: 'aantal', per: 'Instelling' },
  { sleutel: 'cijfer_eind_6_tot_8', indicator: 'Eindcijfer tussen 6 en 8', blad: 'Monitor trajecten', meting: 'aantal', voorwaarde: 'Rapportcijfer eind tussen 6 en 8' },
  { sleutel: 'wijkteam_aantal', indicator: 'Trajecten wijkteam', blad: 'Monitor trajecten', filter: 'Team = Wijkteam', meting: 'aantal', norm: '≤ 5' },
  { sleutel: 'contacten_halfjaar', indicator: 'Contacten eerste halfjaar', blad: 'Registratie', meting: 'som', kolommen: 'Aantal contacten', norm: '≥ 3000' },
  { sleutel: 'contacten_gem', indicator: 'Contacten per maand en activiteit (gemiddeld)', blad: 'Registratie', meting: 'gemiddelde', kolommen: 'Aantal contacten' },
  { sleutel: 'besparing_voorveld', indicator: 'Gerealiseerde besparing voorveld', blad: 'Taakstelling', meting: 'som', kolommen: 'Besparing t.o.v. 2021', norm: '≥ 525000' },
];
