// `npx tsx src/nlu/train-intents.ts`: trains the intent model from content/nlu/ and stores it for fast starts.
import { loadExamples, loadFillers } from './intent-examples.js';
import { MODEL_FILE, saveModel } from './intent-model.js';
import { trainIntentModel } from './intents.js';

const started = Date.now();
const examples = loadExamples();
saveModel(trainIntentModel(examples, loadFillers()));
process.stdout.write(`trained on ${examples.length} examples in ${Date.now() - started} ms → ${MODEL_FILE}\n`);
