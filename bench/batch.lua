-- wrk script: batches of 1,000 reports (the single.lua mix), 64 distinct bodies made at start.
dofile(os.getenv("VIGIL_BENCH") .. "/single.lua")
local bodies = {}
init = function()
  for b = 1, 64 do
    local items = {}
    for i = 1, 1000 do items[i] = report() end
    bodies[b] = '{"reports":[' .. table.concat(items, ",") .. ']}'
  end
end
request = function()
  return wrk.format(nil, "/api/v1/reports/batch", nil, bodies[math.random(#bodies)])
end
