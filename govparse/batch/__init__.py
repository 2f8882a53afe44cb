"""Many reports at once: the files of a run (inputs), read in worker processes
(runner), and the rows every output writes (records, rows; outputs)."""
