// Worker thread of `toetsblad regio`: reads the files it is sent, one at a
// time, and posts back each source's contribution. The rows stay here.

import { parentPort } from 'worker_threads';
import { readSource } from './regioSource';

parentPort?.on('message', (msg: { index: number; file: string }) => {
  void readSource(msg.file).then((source) => parentPort?.postMessage({ index: msg.index, source }));
});
