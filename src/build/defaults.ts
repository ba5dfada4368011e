// The built-in defaults of the library's build() and of the CLI's options, under a
// config file's (src/config/precedence.ts), in a module of their own so that the
// CLI's start-up (--help) reads them without the pipeline.

/** The decks built when no inputs are named, from the project's root folder. */
export const DEFAULT_INPUTS = ['content/'];
/** The folder the .pptx files go to when none is named, in the project's root folder. */
export const DEFAULT_OUT_DIR = 'output';
/** The template of a deck that names none. */
export const DEFAULT_TEMPLATE = 'default';
