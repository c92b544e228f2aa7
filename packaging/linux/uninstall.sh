#!/bin/sh
# 年报助手 — 卸载当前用户的安装。工作区数据（~/.local/share/nianbao）保留不删。
set -eu
prefix=${PREFIX:-"$HOME/.local"}
app_id=cn.nianbao.app
rm -rf "$prefix/lib/nianbao"
rm -f "$prefix/bin/nianbao" "$prefix/bin/nianbao-cli" \
	"$prefix/share/applications/$app_id.desktop" \
	"$prefix/share/icons/hicolor/512x512/apps/$app_id.png"
desktop_dir=$(xdg-user-dir DESKTOP 2>/dev/null || true)
[ -n "$desktop_dir" ] && rm -f "$desktop_dir/$app_id.desktop"
echo "年报助手已卸载。您的报告数据仍保存在 ${XDG_DATA_HOME:-$HOME/.local/share}/nianbao/ 中。"
