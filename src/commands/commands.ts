// FunctionFile for the manifest's ribbon commands. The ribbon button only
// opens the task pane, so no command functions exist yet; Office still needs
// this page to load and call Office.onReady.

Office.onReady(() => {
  // Nothing to register: the ribbon button uses ShowTaskpane.
});
