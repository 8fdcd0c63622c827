-- wrk script: POST an example document to the render endpoint, as a client system would.
--   wrk -t2 -c16 -d30s -s src/test/wrk/render.lua http://localhost:7070 -- performance-tracking pdf
-- Arguments: the form id (its example is read from examples/<id>.json) and the format (pdf, docx or xlsx).
-- The summary line counts answers other than 2xx and socket errors.

local form, format = "performance-tracking", "pdf"

function init(args)
  form = args[1] or form
  format = args[2] or format
  local file = assert(io.open("examples/" .. form .. ".json", "rb"), "run from the repository root")
  wrk.body = file:read("*a")
  file:close()
  wrk.method = "POST"
  wrk.path = "/api/v1/forms/" .. form .. "/render?format=" .. format
  wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
  local p = function(q) return latency:percentile(q) / 1000 end
  io.write(string.format("requests %d, non-2xx %d, socket errors %d, %.1f/s; latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.requests / (summary.duration / 1e6), p(50), p(90), p(99), latency.max / 1000))
end
