-- A household registration per request, each a different family of one to four people in one of
-- Củ Chi's communes (TOKEN from the environment: a district client). Names are drawn from common
-- Vietnamese family, middle and given names, so duplicate detection meets namesakes as it would.
local token = os.getenv("TOKEN")
local families = {"Nguyễn","Nguyễn","Nguyễn","Nguyễn","Trần","Trần","Lê","Lê","Phạm","Hoàng","Huỳnh","Phan","Vũ","Võ",
  "Đặng","Bùi","Đỗ","Hồ","Ngô","Dương","Lý","Trương","Lâm","Mai","Tô","Châu","Đinh","Cao","Lưu","Tạ"}
local male = {"Văn An","Văn Bình","Văn Cường","Minh Đức","Văn Dũng","Hữu Hải","Văn Hùng","Quốc Huy","Văn Khoa","Thanh Long",
  "Văn Minh","Hoài Nam","Văn Phúc","Minh Quang","Văn Sơn","Văn Tài","Đức Thắng","Văn Thành","Minh Tuấn","Văn Tùng",
  "Hữu Nghĩa","Văn Lộc","Tấn Phát","Văn Toàn","Quang Vinh","Công Hậu","Văn Kiệt","Đình Trọng","Văn Hiếu","Ngọc Sang"}
local female = {"Thị Anh","Thị Bích","Thị Chi","Thị Dung","Thị Hà","Thị Hạnh","Thị Hằng","Thị Hoa","Thị Hương","Thị Lan",
  "Thị Liên","Ngọc Linh","Thị Loan","Thị Mai","Thị Nga","Bích Ngọc","Thị Nhung","Kim Oanh","Thu Phương","Thị Quyên",
  "Phương Thảo","Thị Thu","Thị Thủy","Thu Trang","Thị Tuyết","Thị Vân","Hải Yến","Thị Xuân","Thị Hiền","Mỹ Duyên"}
local communes = {"27496","27499","27502","27505","27508","27511","27514","27517","27520","27523","27526","27529",
  "27532","27535","27538","27541","27544","27547","27550","27553","27556"}

local function pick(list) return list[math.random(#list)] end

local function person(family, isMale, fromYear, toYear, relation)
  local name = family .. " " .. (isMale and pick(male) or pick(female))
  local born = string.format("%04d-%02d-%02d", math.random(fromYear, toYear), math.random(1, 12), math.random(1, 28))
  return string.format('{"fullName":"%s","dateOfBirth":"%s","gender":"%s","relation":"%s"}', name, born,
    isMale and "MALE" or "FEMALE", relation), name
end

dofile("wrk/threads.lua") -- thread_id: each thread its own references and families

function init(args)
  math.randomseed(os.time() * 1000 + (tonumber(os.getenv("ANSINH_LOAD_RUN")) or 0) * 100 + (thread_id or 0))
end

function request()
  local family = pick(families)
  local headIsMale = math.random() < 0.6
  local head, headName = person(family, headIsMale, 1940, 1995, "HEAD")
  local members = { head }
  local size = math.random(1, 4)
  if size >= 2 then members[#members + 1] = (person(pick(families), not headIsMale, 1940, 1998, "SPOUSE")) end
  for i = 3, size do members[#members + 1] = (person(family, math.random() < 0.5, 1990, 2024, "CHILD")) end
  local body = string.format('{"headName":"%s","members":[%s],"address":{"unitCode":"%s","hamlet":"Ấp %d"},"categories":["POOR"]}',
    headName, table.concat(members, ","), pick(communes), math.random(1, 9))
  return wrk.format("POST", "/api/v1/households",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
