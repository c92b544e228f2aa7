#!/bin/sh
# 年报助手 — 为当前用户安装（不需要 root）。
# Installs for the current user; PREFIX defaults to ~/.local.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
app_id=cn.nianbao.app
bindir="$prefix/lib/nianbao"
appdir="$prefix/share/applications"
icondir="$prefix/share/icons/hicolor/512x512/apps"

mkdir -p "$bindir" "$prefix/bin" "$appdir" "$icondir"
cp "$here/bin/nianbao" "$here/bin/nianbao-cli" "$bindir/"
chmod 755 "$bindir/nianbao" "$bindir/nianbao-cli"
ln -sf "$bindir/nianbao" "$prefix/bin/nianbao"
ln -sf "$bindir/nianbao-cli" "$prefix/bin/nianbao-cli"
cp "$here/share/icons/hicolor/512x512/apps/$app_id.png" "$icondir/"
sed "s|@BINDIR@|$bindir|g" "$here/share/applications/$app_id.desktop" >"$appdir/$app_id.desktop"
chmod 644 "$appdir/$app_id.desktop"

# A shortcut on the desktop, as users of UOS and Kylin expect.
desktop_dir=$(xdg-user-dir DESKTOP 2>/dev/null || true)
if [ -n "$desktop_dir" ] && [ -d "$desktop_dir" ] && [ "$desktop_dir" != "$HOME" ]; then
	cp "$appdir/$app_id.desktop" "$desktop_dir/$app_id.desktop"
	chmod 755 "$desktop_dir/$app_id.desktop"
	command -v gio >/dev/null 2>&1 && gio set "$desktop_dir/$app_id.desktop" metadata::trusted true 2>/dev/null || true
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$appdir" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$prefix/share/icons/hicolor" 2>/dev/null || true

echo "年报助手已安装到 $bindir"
echo "请在“开始菜单/启动器”的“办公”类中打开“年报助手”，或运行：$prefix/bin/nianbao"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "提示：$prefix/bin 不在 PATH 中，命令行请使用完整路径。" ;; esac
