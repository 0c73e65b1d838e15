// Headers that announce personal data. Matched on the normalised header
// (lower case, no accents or punctuation) as a whole, so "Naam activiteit"
// or "Naam organisatie" are not mistaken for a column of people's names.

import { normaliseHeader } from '../../detect/headers';

export type PersonalCategory = 'bsn' | 'birthDate' | 'name' | 'address' | 'contact';

const PERSON = ['client', 'clienten', 'jongere', 'kind', 'ouder', 'ouders', 'deelnemer', 'bewoner', 'inwoner', 'aanvrager', 'melder', 'verzorger', 'cliënt', 'persoon', 'patient', 'leerling', 'vrijwilliger', 'mantelzorger'];

/** Whole headers per category (normalised form). */
export const PERSONAL_HEADERS: Record<PersonalCategory, string[]> = {
  bsn: ['bsn', 'burgerservicenummer', 'burger service nummer', 'burgerservice nummer', 'sofinummer', 'sofi nummer', 'sofi nr', 'citizen service number', 'bsn nummer', 'bsn nr'],
  birthDate: ['geboortedatum', 'geboortedata', 'geb datum', 'gebdatum', 'geb dat', 'geboren', 'geboren op', 'geboortejaar', 'date of birth', 'birth date', 'birthdate', 'dob'],
  name: [
    'naam', 'namen', 'achternaam', 'voornaam', 'voornamen', 'roepnaam', 'voorletters', 'tussenvoegsel', 'geslachtsnaam', 'meisjesnaam',
    'volledige naam', 'naam en voorletters', 'contactpersoon', 'name', 'full name', 'first name', 'last name', 'surname', 'given name', 'family name',
  ],
  address: ['adres', 'woonadres', 'postadres', 'huisadres', 'straat', 'straatnaam', 'huisnummer', 'huisnr', 'postcode', 'postcode huisnummer', 'adres en woonplaats', 'address', 'street', 'street address', 'zip', 'zipcode', 'zip code', 'postal code'],
  contact: ['e mail', 'email', 'e mailadres', 'emailadres', 'mailadres', 'telefoon', 'telefoonnummer', 'telefoonnr', 'tel', 'tel nr', 'mobiel', 'mobiel nummer', 'gsm', 'phone', 'phone number'],
};

/** Words that only mean personal data together with a person word: "Naam cliënt", "Adres ouder". */
const WITH_PERSON: Partial<Record<PersonalCategory, string[]>> = {
  name: ['naam', 'achternaam', 'voornaam', 'voornamen', 'roepnaam', 'voorletters'],
  address: ['adres', 'woonadres', 'postcode'],
  birthDate: ['geboortedatum', 'geb datum'],
  bsn: ['bsn'],
  contact: ['telefoon', 'telefoonnummer', 'email', 'e mail', 'e mailadres'],
};

const EXACT_INDEX = new Map<string, PersonalCategory>();
for (const [cat, words] of Object.entries(PERSONAL_HEADERS) as [PersonalCategory, string[]][]) for (const w of words) EXACT_INDEX.set(w, cat);
const PERSON_SET = new Set(PERSON.map(normaliseHeader));

/** The personal-data category a header announces, or null. */
export function personalCategoryOf(header: string): PersonalCategory | null {
  // A header names a column; text with a long number in it is data (e.g. "Cliënt (BSN 111222333)").
  if (header.length > 60 || /\d{5}/.test(header)) return null;
  const h = normaliseHeader(header);
  if (!h) return null;
  const exact = EXACT_INDEX.get(h);
  if (exact) return exact;
  const words = h.split(' ');
  // Sentences mention BSNs too; a header is a few words.
  if (words.length > 4) return null;
  // "BSN" anywhere in a short header ("BSN client", "Nr (BSN)") is unambiguous.
  if (words.includes('bsn') || words.includes('burgerservicenummer')) return 'bsn';
  if (words.includes('geboortedatum')) return 'birthDate';
  if (!words.some((w) => PERSON_SET.has(w))) return null;
  for (const [cat, stems] of Object.entries(WITH_PERSON) as [PersonalCategory, string[]][]) {
    if (stems.some((s) => h.startsWith(`${s} `) || h.endsWith(` ${s}`) || words.includes(s))) return cat;
  }
  return null;
}

export const CATEGORY_LABEL: Record<PersonalCategory, string> = {
  bsn: 'burgerservicenummers (BSN)',
  birthDate: 'geboortedata',
  name: 'namen van personen',
  address: 'adresgegevens',
  contact: 'contactgegevens (telefoon of e-mail)',
};
