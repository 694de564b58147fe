-- A resident's need per request through the public endpoint (no token), from 1,000 distinct client
-- addresses: the server trusts X-Forwarded-For from loopback (as from its reverse proxy), so each
-- request names one of 1,000 addresses, in turn, as a crowd behind a proxy would arrive.
dofile("wrk/threads.lua") -- thread_id: each thread its own references and families

local counter = 0
local given = {"Văn An","Thị Bình","Văn Cường","Thị Dung","Minh Đức","Thị Hà","Hữu Hải","Thị Hoa","Văn Hùng","Thị Lan"}
local family = {"Nguyễn","Trần","Lê","Phạm","Hoàng","Huỳnh","Phan","Võ","Đặng","Bùi"}
local communes = {"27496","27499","27502","27505","27508","27511","27514","27517","27520","27523","27526","27529",
  "27532","27535","27538","27541","27544","27547","27550","27553","27556"}
local kinds = {'["FOOD"]','["FOOD","CASH"]','["MEDICINE"]','["FOOD","MEDICINE"]','["SHELTER"]'}

function request()
  counter = counter + 1
  local n = counter * 2 + (thread_id or 0)
  local client = (counter + (thread_id or 0) * 500) % 1000
  local address = string.format("10.0.%d.%d", math.floor(client / 250), client % 250 + 1)
  local body = string.format('{"fullName":"%s %s","phone":"09%08d","unitCode":"%s","hamlet":"Ấp %d","needs":%s,"note":"Nhà có người già"}',
    family[n % #family + 1], given[math.floor(n / 10) % #given + 1], n % 100000000, communes[n % #communes + 1], n % 9 + 1,
    kinds[n % #kinds + 1])
  return wrk.format("POST", "/api/v1/public/needs",
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = address }, body)
end
