-- wrk script: agents claiming and releasing cases. Run with as many threads as connections
-- (wrk -tN -cN): each thread is one agent with its own personal token, read from the file named by
-- VIGIL_TOKENS (one per line). An agent asks for the next case, keeps it for a while (VIGIL_THINK_MS:
-- exactly that long with VIGIL_PACING=fixed, exponentially distributed with that mean and a random
-- start with VIGIL_PACING=exponential), releases it and asks again.
--
-- Only claims are timed (from sending the request to reading the whole answer), on the monotonic
-- clock. A case is held by one agent from the answer to its claim until its release is sent; if two
-- agents' holding spans of one case overlap, the case was handed out twice and counts as a double claim.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } vigil_timespec;
  int clock_gettime(int clock, vigil_timespec *t);
]]
local timespec = ffi.new("vigil_timespec")
local function now_us()
  ffi.C.clock_gettime(1, timespec) -- CLOCK_MONOTONIC, shared by all threads
  return tonumber(timespec.tv_sec) * 1000000 + math.floor(tonumber(timespec.tv_nsec) / 1000)
end

local agents = 0
local threads = {}

function setup(thread)
  agents = agents + 1
  thread:set("agent", agents)
  table.insert(threads, thread)
end

function init(args)
  local n = 0
  for line in io.lines(os.getenv("VIGIL_TOKENS")) do
    n = n + 1
    if n == agent then token = line end
  end
  assert(token, "fewer tokens than agents in " .. os.getenv("VIGIL_TOKENS"))
  think = tonumber(os.getenv("VIGIL_THINK_MS") or "0")
  exponential = os.getenv("VIGIL_PACING") == "exponential"
  math.randomseed(agent)
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
  held, started, claimed_at = nil, nil, nil
  first = true
  latencies, spans = {}, {}
  claims, empty, errors = 0, 0, 0
end

function delay()
  if first then
    first = false
    if exponential and think > 0 then return math.random(think) end
    return 0
  end
  if held and think > 0 then
    if exponential then return math.floor(-think * math.log(1 - math.random())) end
    return think
  end
  return 0
end

function request()
  if held then
    -- the span ends when the release is first sent (a resend after a reconnect is the same span):
    -- the server lets go of the case after that
    if claimed_at then
      table.insert(spans, held .. " " .. claimed_at .. " " .. now_us())
      claimed_at = nil
    end
    return wrk.format("POST", "/api/v1/work/" .. held .. "/release", nil, "")
  end
  started = now_us()
  return wrk.format("POST", "/api/v1/work/next", nil, "{}")
end

function response(status, headers, body)
  if started == nil then
    -- the answer to a release
    held = nil
    if status ~= 200 then errors = errors + 1 end
    return
  end
  local finished = now_us()
  table.insert(latencies, finished - started)
  started = nil
  if status == 200 then
    claims = claims + 1
    held = string.match(body, '"id":(%d+)')
    claimed_at = finished
  elseif status == 204 then
    empty = empty + 1
  else
    errors = errors + 1
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

function done(summary, latency, requests)
  local all, byCase = {}, {}
  local claims, empty, errors = 0, 0, 0
  for _, thread in ipairs(threads) do
    for _, l in ipairs(thread:get("latencies")) do table.insert(all, l) end
    for _, s in ipairs(thread:get("spans")) do
      local id, from, to = string.match(s, "(%d+) (%d+) (%d+)")
      byCase[id] = byCase[id] or {}
      table.insert(byCase[id], {tonumber(from), tonumber(to)})
    end
    claims = claims + thread:get("claims")
    empty = empty + thread:get("empty")
    errors = errors + thread:get("errors")
  end
  local double = 0
  for _, list in pairs(byCase) do
    table.sort(list, function(a, b) return a[1] < b[1] end)
    for i = 2, #list do
      if list[i][1] < list[i - 1][2] then double = double + 1 end
    end
  end
  -- answers with an error status are counted above, as claims or releases that failed
  errors = errors + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  table.sort(all)
  local seconds = summary.duration / 1e6
  io.write(string.format(
      "agents=%d think=%dms pacing=%s seconds=%.1f claims=%d claims/s=%.0f empty=%d errors=%d doubleClaims=%d " ..
      "claim p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms\n",
      #threads, tonumber(os.getenv("VIGIL_THINK_MS") or "0"), os.getenv("VIGIL_PACING") or "fixed",
      seconds, claims, claims / seconds, empty, errors, double,
      percentile(all, 50) / 1000, percentile(all, 90) / 1000, percentile(all, 99) / 1000,
      (all[#all] or 0) / 1000))
end
