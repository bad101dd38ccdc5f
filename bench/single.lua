-- wrk script: single reports about 200,000 subjects, 60 % user reports and 40 % classifier flags.
local key = os.getenv("VIGIL_KEY")
-- A fresh sequence per run: a warm-up and the run after it must not send the same subjects and reporters.
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
local reasons = {"harassment", "sexual_content", "spam", "hate", "self_harm", "impersonation",
                 "graphic_violence", "privacy", "other"}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key

function report()
  local reason = reasons[math.random(#reasons)]
  local subject = (math.random(10) <= 7) and ('character","id":"char_' .. math.random(200000))
                                          or ('message","id":"msg_' .. math.random(200000))
  local content = '{"text":"Role-play companion #' .. math.random(1000000) ..
      ': a friendly guide who talks about space exploration, cooking and late-night study sessions."}'
  if math.random(10) <= 6 then
    return '{"subject":{"type":"' .. subject .. '","ownerId":"acct_' .. math.random(50000) ..
        '","content":' .. content .. ',"reach":{"views24h":' .. math.random(100000) ..
        '}},"source":"user","reason":"' .. reason ..
        '","description":"This character keeps doing something against the rules.",' ..
        '"reporter":{"id":"u_' .. math.random(5000000) .. '","locale":"en-US"}}'
  end
  return '{"subject":{"type":"' .. subject .. '","content":' .. content ..
      '},"source":"classifier","reason":"' .. reason .. '","scores":{"' .. reason .. '":' ..
      string.format("%.3f", math.random()) .. '}}'
end

request = function()
  return wrk.format(nil, "/api/v1/reports", nil, report())
end
