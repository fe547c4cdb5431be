-- wrk script: the points estimate (POST /api/tenants/kunshan/points/estimate) with a full profile, closed
-- loop (each connection sends its next request when the answer came), tokens of several parents in turn.
-- Usage: wrk -t T -c C -d Ds -s points.lua URL -- TOKENS   (one token per line)
local tokens, i = {}, 0
local body = [[{"year": 2024, "propertyRegisteredOn": "2016-05-20",
 "insuranceMonths": {"recent": {"pension": 36, "medical": 36, "unemployment": 30, "injury": 36, "maternity": 36},
                     "earlier": {"pension": 60, "medical": 48, "unemployment": 24, "injury": 60, "maternity": 12}},
 "education": "BACHELOR", "vocationalLevel": "LEVEL4", "titleLevel": "JUNIOR",
 "honours": [{"kind": "MODEL_WORKER", "level": "COUNTY", "awardedOn": "2019-04-30"}], "lawAbiding": true}]]

function init(args)
  for line in io.lines(args[1]) do table.insert(tokens, line) end
end

function request()
  i = i % #tokens + 1
  return wrk.format("POST", "/api/tenants/kunshan/points/estimate", {
    ["Authorization"] = "Bearer " .. tokens[i], ["Content-Type"] = "application/json",
    ["Accept"] = "application/json"}, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK answered=%d non2xx=%d errors=%d per_s=%.1f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
