-- wrk script: batches of 1,000 reports (the single.lua mix), each batch made afresh, so that concurrent
-- batches are about different subjects as a classifier's would mostly be (reusing a few bodies made every
-- batch after the first ones join the same cases and wait on each other's locks).
dofile(os.getenv("VIGIL_BENCH") .. "/single.lua")
local items = {}
request = function()
  for i = 1, 1000 do items[i] = report() end
  return wrk.format(nil, "/api/v1/reports/batch", nil, '{"reports":[' .. table.concat(items, ",") .. ']}')
end
