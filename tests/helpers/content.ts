// Loads a content folder for a test and returns its problems, one line each (none when it is valid).
import { ContentError, loadContent } from '../../src/content/load.js';

export async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadContent({ dir });
  } catch (err) {
    if (err instanceof ContentError) return err.problems;
    throw err;
  }
  return [];
}
