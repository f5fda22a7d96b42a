/** The largest readout accepted, from the browser as from the command line. */
export const MAX_READOUT_BYTES = 2 * 1024 * 1024;

/** The file types a readout may come in: plain text, HTML saved from a page, Markdown. */
export const READOUT_FILE_TYPES = ".txt,.text,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown";
