/** Where the app finds its dataset: the JSON file the build emits next to the app. */
export function datasetUrl(): string {
  return new URL('../../../data/dataset.json', import.meta.url).href;
}
