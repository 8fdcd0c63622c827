-- wrk script: POST documents to the render endpoint, as a client system would.
--   wrk -t2 -c16 -d30s -s src/test/wrk/render.lua http://localhost:7070 -- performance-tracking pdf
--   wrk -t2 -c16 -d30s -s src/test/wrk/render.lua http://localhost:7070 -- performance-tracking pdf target/varied/performance-tracking
-- Arguments: the form id, the format (pdf, docx or xlsx) and, optionally, a folder of documents 0.json, 1.json …
-- (made by VariedDocuments, see run.sh) taken in turn; without it, the form's example (examples/<id>.json) every time.
-- The summary line counts answers other than 2xx and socket errors.

local form, format = "performance-tracking", "pdf"
local bodies = {}
local turn = 1

function init(args)
  form = args[1] or form
  format = args[2] or format
  if args[3] then
    local n = 0
    while true do
      local file = io.open(args[3] .. "/" .. n .. ".json", "rb")
      if not file then break end
      bodies[#bodies + 1] = file:read("*a")
      file:close()
      n = n + 1
    end
    assert(#bodies > 0, "no documents in " .. args[3])
  else
    local file = assert(io.open("examples/" .. form .. ".json", "rb"), "run from the repository root")
    bodies[1] = file:read("*a")
    file:close()
  end
  -- each thread starts elsewhere in the list, so that two threads do not send the same document together
  turn = (id or 0) * 7919 % #bodies + 1
  wrk.method = "POST"
  wrk.path = "/api/v1/forms/" .. form .. "/render?format=" .. format
  wrk.headers["Content-Type"] = "application/json"
end

function setup(thread)
  thread:set("id", setup_count or 0)
  setup_count = (setup_count or 0) + 1
end

function request()
  local body = bodies[turn]
  turn = turn % #bodies + 1
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local p = function(q) return latency:percentile(q) / 1000 end
  io.write(string.format("requests %d, non-2xx %d, socket errors %d, %.1f/s; latency ms p50 %.1f p90 %.1f p99 %.1f max %.1f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, summary.requests / (summary.duration / 1e6), p(50), p(90), p(99), latency.max / 1000))
end
