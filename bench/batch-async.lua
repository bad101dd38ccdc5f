-- wrk script: batches.lua's batches of 1,000 reports, sent with Prefer: respond-async: the reports are
-- journaled and answered 202 with their ids, and filed into cases behind.
dofile(os.getenv("VIGIL_BENCH") .. "/batch.lua")
wrk.headers["Prefer"] = "respond-async"
