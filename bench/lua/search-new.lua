-- A new search every time, as a search-as-you-type box sends: three words, never the same three.
dofile("bench/lua/common.lua")
request = function()
  local q = table.concat(pick(WORDS, nextid(), 3), " ")
  return wrk.format("GET", "/api/search?q=" .. urlencode(q))
end
