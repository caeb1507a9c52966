dofile("bench/lua/common.lua")
wrk.path = "/api/health"
