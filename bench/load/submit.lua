-- wrk script: the final submit of prepared applications, each exactly once.
-- Usage: wrk -t T -c C -d MAXs -s submit.lua http://127.0.0.1:PORT -- LINES T OUTDIR
-- LINES: one "path token idempotency-key" per line (bench/load/Prepare.java lines). Thread i takes lines
-- i, i+T, i+2T, … ; once a thread has sent all of its lines its connections wait (delay) instead of sending
-- anything else, and when it has every answer it writes OUTDIR/done-<i> (bench/run then stops wrk with
-- SIGINT: wrk itself always runs for -d). Each 2xx answer's childId goes to OUTDIR/ack-<i> (to count in
-- PostgreSQL afterwards), the first non-2xx bodies to OUTDIR/err-<i>. done() prints one line:
--   WRK sent=<n> answered=<n> status=<code:n,…> errors=<socket errors> per_s=<answered / (last - first)>
--       p50_ms p90_ms p99_ms max_ms   (latency from wrk's own histogram: time from sending to the answer)
package.path = package.path .. ";" .. (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua"
local next_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local now = require("clock")
local lines, sent, reserved, answered, statuses = {}, 0, 0, 0, {}
local ack, err, outdir, errors_written = nil, nil, nil, 0
first_ms, last_ms, finished, status_text, sent_count, answered_count = 0, 0, 0, "", 0, 0

function init(args)
  local file, nthreads = args[1], tonumber(args[2])
  outdir = args[3]
  local i = 0
  for line in io.lines(file) do
    if i % nthreads == tid then
      local path, token, key = line:match("^(%S+)%s+(%S+)%s+(%S+)$")
      table.insert(lines, wrk.format("POST", path, {
        ["Authorization"] = "Bearer " .. token, ["Idempotency-Key"] = key,
        ["Accept"] = "application/json", ["Content-Length"] = "0"}))
    end
    i = i + 1
  end
  ack = io.open(outdir .. "/ack-" .. tid, "w")
  err = io.open(outdir .. "/err-" .. tid, "w")
end

-- a line is reserved when a connection asks for its next request (delay(), after each answer), so that
-- connections answered at the same moment never take more lines than there are
function delay()
  if reserved >= #lines then
    return 3600000 -- nothing left to send: this connection idles until wrk is stopped
  end
  reserved = reserved + 1
  return 0
end

-- wrk calls request() once in thread 0 before the run, only to check that the request parses: not sent
local verifying = nil

function request()
  if verifying == nil then verifying = (tid == 0) end
  if verifying then
    verifying = false
    return lines[1]
  end
  if sent >= reserved then reserved = reserved + 1 end -- a connection's first request comes without delay()
  sent = sent + 1
  sent_count = sent
  if sent == 1 then first_ms = now() end
  return lines[math.min(sent, #lines)]
end

function response(status, headers, body)
  answered = answered + 1
  answered_count = answered
  last_ms = now()
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 200 and status < 300 then
    ack:write((body:match('"childId"%s*:%s*"([%x%-]+)"') or "?"), "\n")
  elseif errors_written < 20 then
    errors_written = errors_written + 1
    err:write(status, " ", (body:sub(1, 400):gsub("\n", " ")), "\n")
  end
  local parts = {}
  for code, n in pairs(statuses) do table.insert(parts, code .. ":" .. n) end
  status_text = table.concat(parts, ",")
  if answered >= #lines and finished == 0 then
    finished = 1
    ack:flush(); err:flush()
    local done = io.open(outdir .. "/done-" .. tid, "w"); done:write(answered, "\n"); done:close()
  elseif answered % 50 == 0 then
    ack:flush()
  end
end

function done(summary, latency, requests)
  local first, last, sent_total, answered_total, status = math.huge, 0, 0, 0, {}
  for _, t in ipairs(threads) do
    local f, l = t:get("first_ms"), t:get("last_ms")
    if f and f > 0 and f < first then first = f end
    if l and l > last then last = l end
    sent_total = sent_total + (t:get("sent_count") or 0)
    answered_total = answered_total + (t:get("answered_count") or 0)
    for code, n in string.gmatch(t:get("status_text") or "", "(%d+):(%d+)") do
      status[code] = (status[code] or 0) + tonumber(n)
    end
  end
  local parts = {}
  for code, n in pairs(status) do table.insert(parts, code .. ":" .. n) end
  table.sort(parts)
  local e = summary.errors
  local seconds = (last - first) / 1000
  io.write(string.format(
    "WRK sent=%d answered=%d status=%s errors=%d per_s=%.1f seconds=%.2f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    sent_total, answered_total, table.concat(parts, ","), e.connect + e.read + e.write + e.timeout,
    seconds > 0 and answered_total / seconds or 0, seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
