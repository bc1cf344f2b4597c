-- wrk script for bench/dashboard: collects each response's Server-Timing (app;dur=MS) so the
-- report can tell the server's own time from the time requests spend queued on a busy machine.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  durations = {}
  count = 0
end

function response(status, headers, body)
  local t = headers["Server-Timing"] or headers["server-timing"]
  if t then
    local ms = tonumber(string.match(t, "dur=([%d%.]+)"))
    if ms then
      count = count + 1
      durations[count] = ms
    end
  end
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    local d = thread:get("durations")
    for i = 1, #d do all[#all + 1] = d[i] end
  end
  table.sort(all)
  local function pct(p)
    if #all == 0 then return 0 end
    return all[math.max(1, math.ceil(#all * p / 100))]
  end
  io.write(string.format("server-timing n=%d p50=%.3f p99=%.3f max=%.3f\n", #all, pct(50), pct(99), all[#all] or 0))
end
