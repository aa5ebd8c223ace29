-- The federation's rules in Lua, as a user embedding LuaJIT instead of
-- Concord would write them: the same rules as gen.py's Concord and
-- handwritten.cpp, over the same events, with the same algorithm (the
-- lifetime limit scans the ledger's contributions so far).
--
--   luajit bench/federation/rules.lua WORKLOAD_DIR [RUNS]
--
-- Amounts are cents in doubles: whole numbers far below 2^53, so exact.
-- Timed with os.clock (CPU time of this process), over the rules only; prints
-- `run ...` and `result ...` lines like rule_bench.

local dir = arg[1]
local runs = tonumber(arg[2] or "5")
if not dir then
  io.stderr:write("usage: luajit rules.lua WORKLOAD_DIR [RUNS]\n")
  os.exit(2)
end

local function split(line)
  local out = {}
  for field in line:gmatch("[^\t]+") do out[#out + 1] = field end
  return out
end

-- params.tsv: P number rate floor cap low_income gift_share gift_min
-- gift_threshold flag_above min_income; T number rate cap.
local polity, treaty = {}, {}
for line in io.lines(dir .. "/params.tsv") do
  if line:sub(1, 1) ~= "#" and line ~= "" then
    local f = split(line)
    if f[1] == "P" then
      polity[tonumber(f[2])] = {
        rate = tonumber(f[3]), floor = tonumber(f[4]), cap = tonumber(f[5]),
        low_income = tonumber(f[6]), gift_share = tonumber(f[7]), gift_min = tonumber(f[8]),
        gift_threshold = tonumber(f[9]), flag_above = tonumber(f[10]), min_income = tonumber(f[11]),
      }
    elseif f[1] == "T" then
      treaty[tonumber(f[2])] = { rate = tonumber(f[3]), cap = tonumber(f[4]) }
    end
  end
end

-- events.tsv, in parallel arrays: kind (1 contribution to a ledger, 2 to a
-- treaty fund, 3 join), member, income, polity, account, amount.
local kind, member, income, pol, account, amount = {}, {}, {}, {}, {}, {}
local n = 0
for line in io.lines(dir .. "/events.tsv") do
  if line ~= "" then
    local f = split(line)
    n = n + 1
    member[n] = tonumber(f[3])
    income[n] = tonumber(f[4])
    pol[n] = tonumber(f[5])
    if f[1] == "J" then
      kind[n], account[n], amount[n] = 3, 0, 0
    else
      kind[n] = f[6] == "L" and 1 or 2
      account[n] = tonumber(f[7])
      amount[n] = tonumber(f[8])
    end
  end
end

local min, max = math.min, math.max

local function dues_cap(p, inc) return min(max(inc * p.rate / 100, p.floor), p.cap) end
local function dues_floor(p, inc)
  if inc < p.low_income then return 100 end
  return min(inc / 100, 1000)
end
local function lifetime_limit(p, inc) return max(inc * p.gift_share / 100, p.gift_min) end

local function play()
  local evaluations, failed, flags, booked, lifetime = 0, 0, 0, 0, 0
  local ledger_member, ledger_amount, ledger_size = {}, {}, {}
  for i = 1, n do
    local p = polity[pol[i]]
    local k, inc, amt = kind[i], income[i], amount[i]
    if k == 3 then
      evaluations = evaluations + 1
      if inc < p.min_income then failed = failed + 1 end
    elseif k == 2 then
      local t = treaty[account[i]]
      evaluations = evaluations + 5
      if amt > min(inc * t.rate / 100, t.cap) then failed = failed + 1 end
      booked = booked + amt
    else
      evaluations = evaluations + 4
      if not (amt <= dues_cap(p, inc) or amt >= p.gift_threshold) then failed = failed + 1 end
      if amt < dues_floor(p, inc) then failed = failed + 1 end
      local l = account[i]
      local members, amounts, size = ledger_member[l], ledger_amount[l], ledger_size[l]
      if not members then
        members, amounts, size = {}, {}, 0
        ledger_member[l], ledger_amount[l] = members, amounts
      end
      if amt >= p.gift_threshold then
        lifetime = lifetime + 1
        local paid, m = 0, member[i]
        for j = 1, size do
          if members[j] == m then paid = paid + amounts[j] end
        end
        if paid + amt > lifetime_limit(p, inc) then failed = failed + 1 end
      end
      if amt > p.flag_above then flags = flags + 1 end
      size = size + 1
      members[size], amounts[size] = member[i], amt
      ledger_size[l] = size
      booked = booked + amt
    end
  end
  return evaluations, failed, flags, booked, lifetime
end

local times = {}
local ev, failed, flags, booked, lifetime
for r = 1, runs do
  local start = os.clock()
  ev, failed, flags, booked, lifetime = play()
  times[r] = os.clock() - start
  io.write(string.format("run engine=luajit run=%d seconds=%.6f host_s=0\n", r, times[r]))
end
table.sort(times)
local median = runs % 2 == 1 and times[(runs + 1) / 2] or (times[runs / 2] + times[runs / 2 + 1]) / 2
io.write(string.format(
  "result engine=luajit runs=%d median_s=%.6f host_s=0 compile_ms=0 events=%d events_per_s=%.0f " ..
  "rule_evals_per_s=%.0f root_evaluations=0 errors=0 lua_heap_kib=%d rule_evaluations=%d failed=%d " ..
  "flags=%d booked_cents=%d lifetime_checked=%d\n",
  runs, median, n, n / median, ev / median, math.floor(collectgarbage("count")), ev, failed, flags, booked,
  lifetime))
