-- Twelve searches over and over: after the first round every answer comes from the response cache.
dofile("bench/lua/common.lua")
local phrases = {"police", "condoms", "outreach clinic", "violence", "peer educators", "street work",
  "migrants", "hotline", "HIV testing", "полиция", "насильство", "legal aid"}
request = function()
  local q = phrases[(nextid() % #phrases) + 1]
  return wrk.format("GET", "/api/search?q=" .. urlencode(q))
end
