-- A mix of search pages, as many readers asking different things: a two-, three- or four-character term, alone or
-- with a region facet, page 1 or 2 (160 different pages). With PORTAL_MIX_FRESH=1 each request gets a parameter the
-- page ignores but the page cache does not, so every page is drawn anew (the figure without the cache). Prints p95
-- like p95.lua (which it loads).
-- 道路 学校 医院 改造 公路 物业 渝中 采购 绿化 沙坪坝 工程 信息化 设备 施工招标 监理 城市更新
local terms = {
  "%E9%81%93%E8%B7%AF", "%E5%AD%A6%E6%A0%A1", "%E5%8C%BB%E9%99%A2", "%E6%94%B9%E9%80%A0", "%E5%85%AC%E8%B7%AF",
  "%E7%89%A9%E4%B8%9A", "%E6%B8%9D%E4%B8%AD", "%E9%87%87%E8%B4%AD", "%E7%BB%BF%E5%8C%96", "%E6%B2%99%E5%9D%AA%E5%9D%9D",
  "%E5%B7%A5%E7%A8%8B", "%E4%BF%A1%E6%81%AF%E5%8C%96", "%E8%AE%BE%E5%A4%87", "%E6%96%BD%E5%B7%A5%E6%8B%9B%E6%A0%87", "%E7%9B%91%E7%90%86",
  "%E5%9F%8E%E5%B8%82%E6%9B%B4%E6%96%B0" }
local regions = { "", "&region=500103", "&region=500106", "&region=500112", "&region=500000" }
local pages = { "", "&page=2" }
local counter = 0
local fresh = os.getenv("PORTAL_MIX_FRESH") == "1"

request = function()
  counter = counter + 1
  local path = "/notices?q=" .. terms[math.random(#terms)] .. regions[math.random(#regions)] .. pages[math.random(#pages)]
  if fresh then
    path = path .. "&nocache=" .. counter .. "-" .. math.random(1000000000)
  end
  return wrk.format("GET", path)
end

-- the same p95 line as the single-page runs
dofile((debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./") .. "p95.lua")
