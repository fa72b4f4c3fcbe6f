/**
 * The version of the code that launches and trains runs. A job carries the version of the web server that
 * queued it, and a worker trains only jobs of its own version: another version may read the config, the
 * checkpoint or the dataset differently, which would break "same config and seed, same bits". Raise it
 * with every release (the root package's version plus what changed in the trainer or the job contract).
 */
export const CODE_VERSION = "0.2.0";
