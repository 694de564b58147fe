-- A single cash donation per request into one fund (FUND_ID, TOKEN from the environment), each with its
-- own bank reference, as a crowd of givers transferring at once would send them.
local fund = os.getenv("FUND_ID")
local token = os.getenv("TOKEN")
local counter = 0
local prefix

dofile("wrk/threads.lua") -- thread_id: each thread its own references and families

function init(args)
  prefix = string.format("BENCH-%d-%s-%d", os.time(), os.getenv("ANSINH_LOAD_RUN") or "0", thread_id or 0)
end

function request()
  counter = counter + 1
  local body = string.format('{"fundId":"%s","amount":%d,"channel":"BANK","reference":"%s-%d"}',
    fund, 50000 + (counter % 50) * 10000, prefix, counter)
  return wrk.format("POST", "/api/v1/donations",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
