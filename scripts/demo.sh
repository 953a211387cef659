#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and runs TĐKT on
# demo data (a province → commune tree, people, movements, dossiers and an
# inspection plan with its checklist), shown through tdkt-cli.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
scripts/build.sh
cli=build/client/tdkt-cli
demo=out/demo
rm -rf "$demo" && mkdir -p "$demo"
db="$demo/xa-binh-lu.db"

say() { printf '\n== %s\n' "$*"; }

say "Tạo bản sao dữ liệu cục bộ (local replica): $db"
$cli --db "$db" init --site-name "Xã Bình Lư"
for table in units people evaluations initiatives award_history movements movement_targets movement_results \
             dossiers dossier_items inspection_plans inspection_targets checklist_items findings recommendations; do
  printf '%-20s ' "$table"
  $cli --db "$db" import "$table" "assets/demo/$table.jsonl"
done

say "Tìm kiếm không dấu: tdkt-cli search \"nguyen van dinh\""
$cli --db "$db" search "nguyen van dinh"
say "Hồ sơ đề nghị khen thưởng của xã Bình Lư (list dossiers --where unit_id=u-xa-binh-lu)"
$cli --db "$db" list dossiers --where unit_id=u-xa-binh-lu
say "Sửa một hồ sơ, rồi xem lịch sử thay đổi (put, history)"
$cli --db "$db" put dossiers '{"id":"hs-dinh-bk-2025","summary":"Hai năm liên tục đạt CSTĐ cơ sở (2023, 2024); xã đạt 17/19 tiêu chí nông thôn mới."}'
$cli --db "$db" history dossiers hs-dinh-bk-2025
say "Danh mục kiểm tra của đoàn kiểm tra tại xã Bình Lư (export checklist_items --format csv)"
$cli --db "$db" export checklist_items --format csv | head -n 8
say "Xong. Thử tiếp: $cli --db $db list people | $cli --db $db schema | $cli --db $db dump"
