// What to do about each Office error code, in Dutch and English. The pane
// shows this sentence; the code itself goes in the Details section. Codes
// Office adds later fall back to the category's sentence in strings.ts.

import type { Lang } from './strings';

type Advice = Record<Lang, string>;

const report = (nl: string, en: string): Advice => ({
  nl: `${nl} Probeer het opnieuw; blijft het gebeuren, kopieer dan de Details en meld het aan uw beheerder.`,
  en: `${en} Try again; if it keeps happening, copy the Details and report them to your IT support.`,
});

export const OFFICE_ERROR_ADVICE: Record<string, Advice> = {
  AccessDenied: { nl: 'Excel weigert de wijziging: een blad of de werkmap is beveiligd, of de werkmap is alleen-lezen. Hef de beveiliging op of sla een eigen kopie op.', en: 'Excel refused the change: a sheet or the workbook is protected, or the workbook is read-only. Unprotect it or save your own copy.' },
  ActivityLimitReached: { nl: 'Excel heeft te veel verzoeken tegelijk. Wacht een minuut en probeer het opnieuw.', en: 'Excel has too many requests at once. Wait a minute and try again.' },
  ApiNotAvailable: { nl: 'Deze Excel-versie mist een functie die Toetsblad gebruikt. Werk Excel bij of gebruik Excel voor het web.', en: 'This Excel version lacks a feature Toetsblad uses. Update Excel or use Excel on the web.' },
  ApiNotFound: { nl: 'Deze Excel-versie mist een functie die Toetsblad gebruikt. Werk Excel bij of gebruik Excel voor het web.', en: 'This Excel version lacks a feature Toetsblad uses. Update Excel or use Excel on the web.' },
  CannotRegisterEvent: report('Excel kon een gebeurtenis niet aanmelden.', 'Excel could not register an event.'),
  CannotUpdateReadOnlyProperty: report('Toetsblad probeerde iets te wijzigen dat Excel niet laat wijzigen.', 'Toetsblad tried to change something Excel does not allow to change.'),
  Conflict: { nl: 'Iemand anders bewerkt de werkmap tegelijk. Wacht tot de wijzigingen zijn opgeslagen en probeer het opnieuw.', en: 'Someone else is editing the workbook at the same time. Wait until their changes are saved and try again.' },
  ConnectionFailure: { nl: 'De verbinding met Excel is weggevallen. Controleer de netwerkverbinding en probeer het opnieuw.', en: 'The connection to Excel was lost. Check the network and try again.' },
  DirtySupportingFormula: { nl: 'Excel is nog aan het rekenen. Wacht tot de berekening klaar is en probeer het opnieuw.', en: 'Excel is still calculating. Wait until it is done and try again.' },
  EmptyChartSeries: report('Een grafiek heeft geen gegevens.', 'A chart has no data.'),
  FilteredRangeConflict: { nl: 'Een filter in de werkmap staat de wijziging niet toe. Wis de filters op de Toetsblad-bladen en probeer het opnieuw.', en: 'A filter in the workbook blocks the change. Clear the filters on the Toetsblad sheets and try again.' },
  FormulaLengthExceedsLimit: report('Een formule is langer dan Excel toestaat (8.192 tekens).', 'A formula is longer than Excel allows (8,192 characters).'),
  GeneralException: report('Excel meldt een interne fout.', 'Excel reported an internal error.'),
  InactiveWorkbook: { nl: 'De werkmap is niet actief. Klik in de werkmap en probeer het opnieuw.', en: 'The workbook is not active. Click in the workbook and try again.' },
  InsertDeleteConflict: { nl: 'Excel kan hier geen cellen invoegen of verwijderen (samengevoegde cellen, een tabel of een filter). Controleer de Toetsblad-bladen en probeer het opnieuw.', en: 'Excel cannot insert or delete cells here (merged cells, a table or a filter). Check the Toetsblad sheets and try again.' },
  InvalidArgument: report('Excel weigert een waarde die Toetsblad wilde schrijven.', 'Excel refused a value Toetsblad wanted to write.'),
  InvalidBinding: report('Een koppeling in de werkmap is ongeldig.', 'A binding in the workbook is invalid.'),
  InvalidObjectPath: { nl: 'Een blad of bereik bestaat niet meer; de werkmap is waarschijnlijk gewijzigd. Scan opnieuw en probeer het opnieuw.', en: 'A sheet or range no longer exists; the workbook probably changed. Scan again and retry.' },
  InvalidOperation: report('Excel staat deze bewerking nu niet toe.', 'Excel does not allow this operation right now.'),
  InvalidOperationInCellEditMode: { nl: 'Excel is een cel aan het bewerken. Druk op Enter of Esc in de werkmap en probeer het opnieuw.', en: 'Excel is editing a cell. Press Enter or Esc in the workbook and try again.' },
  InvalidOrTimedOutSession: { nl: 'De sessie met Excel is verlopen. Sluit het taakvenster, open het opnieuw en probeer het nog eens.', en: 'The session with Excel expired. Close the task pane, open it again and retry.' },
  InvalidReference: report('Een verwijzing is ongeldig voor deze bewerking.', 'A reference is not valid for this operation.'),
  InvalidRequestContext: report('Toetsblad gebruikte een verlopen verbinding met Excel.', 'Toetsblad used an expired connection to Excel.'),
  InvalidSelection: { nl: 'De huidige selectie is ongeldig voor deze bewerking. Klik één cel aan en probeer het opnieuw.', en: 'The current selection is not valid for this operation. Select a single cell and try again.' },
  ItemAlreadyExists: { nl: 'Er bestaat al een blad met die naam (hoofdletters tellen niet). Hernoem uw eigen blad en probeer het opnieuw.', en: 'A sheet with that name already exists (case does not matter). Rename your own sheet and try again.' },
  ItemNotFound: { nl: 'Een blad is verwijderd of hernoemd terwijl Toetsblad bezig was. Scan opnieuw en probeer het opnieuw.', en: 'A sheet was deleted or renamed while Toetsblad was working. Scan again and retry.' },
  MergedRangeConflict: { nl: 'Samengevoegde cellen zitten in de weg. Hef het samenvoegen op de Toetsblad-bladen op en probeer het opnieuw.', en: 'Merged cells are in the way. Unmerge them on the Toetsblad sheets and try again.' },
  NonBlankCellOffSheet: report('Excel kan de bladrand niet verschuiven: er staat iets in de laatste rij of kolom.', 'Excel cannot shift cells off the sheet: the last row or column is not empty.'),
  NotImplemented: { nl: 'Deze Excel-versie ondersteunt deze functie niet. Werk Excel bij of gebruik Excel voor het web.', en: 'This Excel version does not support this feature. Update Excel or use Excel on the web.' },
  OpenWorkbookLinksBlocked: { nl: 'Koppelingen naar andere werkmappen zijn geblokkeerd. Sta ze toe in Excel of laat ze weg.', en: 'Links to other workbooks are blocked. Allow them in Excel or remove them.' },
  OperationCellsExceedLimit: { nl: 'De bewerking raakt meer cellen dan Excel in één keer toestaat. Gebruik voor zeer grote werkmappen de opdrachtregel (toetsblad report).', en: 'The operation touches more cells than Excel allows at once. For very large workbooks use the command line (toetsblad report).' },
  PayloadTooLarge: { nl: 'Eén verzoek aan Excel werd te groot. Probeer het opnieuw; blijft het misgaan, gebruik dan de opdrachtregel (toetsblad report) en kopieer de Details voor uw beheerder.', en: 'One request to Excel became too large. Try again; if it keeps failing, use the command line (toetsblad report) and copy the Details for your IT support.' },
  PivotTableRangeConflict: { nl: 'Een draaitabel zit in de weg. Verplaats de draaitabel van het Toetsblad-blad en probeer het opnieuw.', en: 'A PivotTable is in the way. Move it off the Toetsblad sheet and try again.' },
  PowerQueryRefreshResourceChallenge: { nl: 'Power Query vraagt om toegang tot een bron. Vernieuw de query eerst zelf in Excel.', en: 'Power Query asks for access to a source. Refresh the query in Excel yourself first.' },
  PropertyNotLoaded: report('Toetsblad las een waarde die nog niet was opgehaald (een fout in Toetsblad).', 'Toetsblad read a value that was not loaded yet (a bug in Toetsblad).'),
  RangeExceedsLimit: { nl: 'Het bereik is groter dan Excel in één keer verwerkt. Gebruik voor zeer grote werkmappen de opdrachtregel (toetsblad report).', en: 'The range is larger than Excel handles at once. For very large workbooks use the command line (toetsblad report).' },
  RangeImageExceedsLimit: { nl: 'Het bereik is te groot voor een afbeelding.', en: 'The range is too large for an image.' },
  RefreshWorkbookLinksBlocked: { nl: 'Het vernieuwen van koppelingen is geblokkeerd. Sta het toe in Excel.', en: 'Refreshing links is blocked. Allow it in Excel.' },
  RequestAborted: { nl: 'Excel heeft het verzoek afgebroken. Probeer het opnieuw.', en: 'Excel aborted the request. Try again.' },
  RequestPayloadSizeLimitExceeded: { nl: 'Eén verzoek aan Excel werd te groot. Probeer het opnieuw; blijft het misgaan, gebruik dan de opdrachtregel (toetsblad report) en kopieer de Details voor uw beheerder.', en: 'One request to Excel became too large. Try again; if it keeps failing, use the command line (toetsblad report) and copy the Details for your IT support.' },
  ResponsePayloadSizeLimitExceeded: { nl: 'Het antwoord van Excel werd te groot, ook na opsplitsen. Gebruik voor deze werkmap de opdrachtregel (toetsblad report) en kopieer de Details voor uw beheerder.', en: "Excel's answer became too large, even after splitting. Use the command line (toetsblad report) for this workbook and copy the Details for your IT support." },
  RunMustReturnPromise: report('Een interne fout in Toetsblad.', 'An internal error in Toetsblad.'),
  ServiceNotAvailable: { nl: 'Excel voor het web is even niet bereikbaar. Wacht even en probeer het opnieuw.', en: 'Excel on the web is temporarily unavailable. Wait a moment and try again.' },
  Timeout: { nl: 'Excel reageerde niet op tijd. Probeer het opnieuw.', en: 'Excel did not respond in time. Try again.' },
  UnsupportedFeature: { nl: 'Deze Excel-versie ondersteunt deze functie niet. Werk Excel bij of gebruik Excel voor het web.', en: 'This Excel version does not support this feature. Update Excel or use Excel on the web.' },
  UnsupportedFillType: report('Excel ondersteunt deze opvulling niet.', 'Excel does not support this fill type.'),
  UnsupportedOperation: { nl: 'Excel ondersteunt deze bewerking hier niet (bijvoorbeeld in een gedeelde werkmap of in de modus alleen-lezen).', en: 'Excel does not support this operation here (for example in a shared or read-only workbook).' },
  UnsupportedSheet: { nl: 'Dit soort blad (bijvoorbeeld een macro- of grafiekblad) kan Toetsblad niet lezen. Het wordt overgeslagen als u het verbergt of verwijdert.', en: 'Toetsblad cannot read this kind of sheet (for example a macro or chart sheet). Hide or remove it.' },
  ValueNotLoaded: report('Toetsblad las een waarde die nog niet was opgehaald (een fout in Toetsblad).', 'Toetsblad read a value that was not loaded yet (a bug in Toetsblad).'),
  WriteNotSupportedWhenModalDialogOpen: { nl: 'Er staat een dialoogvenster open in Excel. Sluit het en probeer het opnieuw.', en: 'A dialog is open in Excel. Close it and try again.' },
};

/** The advice for an Office code, or undefined (then the category's sentence applies). */
export function officeAdvice(code: string | undefined, lang: Lang): string | undefined {
  return code ? OFFICE_ERROR_ADVICE[code]?.[lang] : undefined;
}

