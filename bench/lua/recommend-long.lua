-- A new challenge of close to 4,000 characters every time (the longest recommend takes): sentences
-- made from the word list, the first one never seen before.
dofile("bench/lua/common.lua")
function challenge(i)
  local parts, n, j = {}, 0, i
  while true do
    local w = pick(WORDS, j, 4)
    local s = "Our team works with " .. w[1] .. " and " .. w[2] .. ", but " .. w[3] .. " keeps people away from " .. w[4] .. ". "
    if n + #s > 4000 then break end
    table.insert(parts, s)
    n = n + #s
    j = (j * 7 + 13) % 1000003
  end
  return table.concat(parts)
end
wrk.headers["Content-Type"] = "application/json"
request = function()
  return wrk.format("POST", "/api/recommend", nil, '{"challenge": "' .. challenge(nextid()) .. '"}')
end
