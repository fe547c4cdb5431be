-- wrk script: step saves (PUT …/steps/family, the largest step) at a fixed total rate, as wrk2 would
-- (wrk2 is not packaged in Debian): every request has a slot on a schedule of RATE/T per thread; a
-- connection waits (wrk's delay()) until the next free slot, so the rate is held as long as a connection
-- is free. When the server is slower than the schedule, requests leave late: the lateness is reported
-- (lag_*), and wrk's latency (from sending to the answer) then does not include that wait — the
-- "coordinated omission" wrk2 corrects for; the answered rate shows whether the schedule was held.
-- Usage: wrk -t T -c C -d Ds -s steps.lua URL -- LINES T RATE
-- LINES: "path<TAB>token<TAB>body" (bench/load/Prepare.java steps), walked round-robin.
package.path = package.path .. ";" .. (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua"
local next_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local now = require("clock")
local requests, i, interval, start, reserved, slots, nthreads = {}, 0, 0, nil, 0, {}, 1
local statuses = {}
status_text, lag_max, lag_late, lag_sum, sent_count = "", 0, 0, 0, 0

function init(args)
  local rate = tonumber(args[3])
  nthreads = tonumber(args[2])
  interval = 1000 * nthreads / rate
  local k = 0
  for line in io.lines(args[1]) do
    if k % nthreads == tid then
      local path, token, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
      table.insert(requests, wrk.format("PUT", path, {
        ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json",
        ["Accept"] = "application/json"}, body))
    end
    k = k + 1
  end
end

function delay()
  local t = now()
  if start == nil then start = t + (tid * interval / nthreads) end
  reserved = reserved + 1
  local slot = start + reserved * interval
  table.insert(slots, slot)
  return math.max(0, slot - t)
end

local verifying = nil

function request()
  if verifying == nil then verifying = (tid == 0) end
  if verifying then verifying = false; return requests[1] end
  local slot = table.remove(slots, 1)
  if slot then
    local lag = now() - slot
    if lag > lag_max then lag_max = lag end
    if lag > 10 then lag_late = lag_late + 1 end
    lag_sum = lag_sum + math.max(0, lag)
  end
  sent_count = sent_count + 1
  i = i % #requests + 1
  return requests[i]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local parts = {}
  for code, n in pairs(statuses) do table.insert(parts, code .. ":" .. n) end
  status_text = table.concat(parts, ",")
end

function done(summary, latency, requests_)
  local status, late, maxlag, sent, lagsum = {}, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    for code, n in string.gmatch(t:get("status_text") or "", "(%d+):(%d+)") do
      status[code] = (status[code] or 0) + tonumber(n)
    end
    late = late + (t:get("lag_late") or 0)
    sent = sent + (t:get("sent_count") or 0)
    lagsum = lagsum + (t:get("lag_sum") or 0)
    if (t:get("lag_max") or 0) > maxlag then maxlag = t:get("lag_max") end
  end
  local parts = {}
  for code, n in pairs(status) do table.insert(parts, code .. ":" .. n) end
  table.sort(parts)
  local e = summary.errors
  io.write(string.format(
    "WRK answered=%d status=%s errors=%d per_s=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f late_sends=%d lag_mean_ms=%.1f lag_max_ms=%.0f\n",
    summary.requests, table.concat(parts, ","), e.connect + e.read + e.write + e.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, late, sent > 0 and lagsum / sent or 0, maxlag))
end
