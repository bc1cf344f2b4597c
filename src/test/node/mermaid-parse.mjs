// Parses each Mermaid file named on the command line with mermaid's own parser (the one its
// renderer uses). Prints "OK <diagram type>" or "ERROR <message>" per file; exits 1 on any error.
// mermaid expects a browser: jsdom provides the window and document it looks for at import.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

let failed = false;
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(readFileSync(file, 'utf8'));
    console.log('OK ' + result.diagramType + ' ' + file);
  } catch (e) {
    failed = true;
    console.log('ERROR ' + file + ': ' + String(e.message).replace(/\s+/g, ' '));
  }
}
process.exit(failed ? 1 : 0);
