-- Shared by the scripts of bench/run: word lists, a per-thread id so that generated requests
-- never repeat across threads, URL encoding, and one RESULT line that bench/run reads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  for i, t in ipairs(threads) do
    t:set("tid", i - 1)
    t:set("nthreads", #threads)
  end
end

-- bench/run passes a base (wrk SCRIPT -- BASE) so that the warm-up and the measured run ask different things.
function init(args)
  base = tonumber(args[1] or "0")
end

function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- The i-th of the n^k combinations of k items of list, each i giving another one.
function pick(list, i, k)
  local out = {}
  for _ = 1, k do
    table.insert(out, list[(i % #list) + 1])
    i = math.floor(i / #list)
  end
  return out
end

-- unique across threads and runs: of n threads, thread t takes base + t, base + t + n, base + t + 2n, ...
counter = 0
function nextid()
  counter = counter + 1
  return base + (counter - 1) * nthreads + tid
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout))
end

-- Words people type about their programmes, in English, Russian and Ukrainian (our own list).
WORDS = {"police", "condoms", "outreach", "clinic", "violence", "hotline", "peer", "street", "saunas",
  "migrants", "testing", "HIV", "STI", "drugs", "shelter", "lawyers", "training", "doctors", "stigma",
  "community", "mobile", "online", "prison", "transgender", "male", "women", "counselling", "harm",
  "reduction", "rights", "documents", "support", "groups", "leaders", "nurses", "hepatitis", "needles",
  "advocacy", "social", "workers", "clients", "apartments", "highway", "ambulance", "gynaecologist",
  "полиция", "презервативы", "насилие", "аутрич", "клиника", "мигранты", "тестирование", "поддержка",
  "поліція", "насильство", "підтримка", "лікарі", "консультування", "права", "громада"}
