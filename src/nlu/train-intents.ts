// `npx tsx src/nlu/train-intents.ts`: trains the intent model from content/nlu/ and stores it for fast starts.
import { MODEL_FILE, saveModel } from './intent-model.js';
import { trainIntentModel } from './intents.js';
import { bundledKnowledge } from './knowledge.js';

const started = Date.now();
const knowledge = bundledKnowledge();
saveModel(trainIntentModel(knowledge.examples, knowledge.fillers, knowledge.cues), knowledge);
process.stdout.write(
  `trained on ${knowledge.examples.length} examples in ${Date.now() - started} ms → ${MODEL_FILE}\n`,
);
