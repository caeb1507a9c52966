-- A new one-sentence challenge every time, POSTed as the page does: nothing comes from a cache.
dofile("bench/lua/common.lua")
function challenge(i)
  local w = pick(WORDS, i, 4)
  return "Our team works with " .. w[1] .. " and " .. w[2] .. ", but " .. w[3] .. " keeps people away from " .. w[4] .. "."
end
wrk.headers["Content-Type"] = "application/json"
request = function()
  return wrk.format("POST", "/api/recommend", nil, '{"challenge": "' .. challenge(nextid()) .. '"}')
end
