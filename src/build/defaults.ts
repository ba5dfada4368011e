// The defaults of the library's build() and of the CLI's options, in a module of
// their own so that the CLI's start-up (--help) reads them without the pipeline.

/** The decks built when no inputs are named. */
export const DEFAULT_INPUTS = ['content/'];
/** The folder the .pptx files go to when none is named. */
export const DEFAULT_OUT_DIR = 'output';
