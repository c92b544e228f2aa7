// Command nianbao is the desktop app 年报助手. Everything but start-up lives
// in package ui and internal/startup, so the window is tested headlessly.
package main

import (
	"errors"
	"flag"
	"log"
	"path/filepath"

	fyneapp "fyne.io/fyne/v2/app"

	"nianbao/internal/startup"
	"nianbao/storage"
	"nianbao/ui"
)

func main() {
	startup.RunProbeIfAsked()
	shot := flag.String("screenshot", "", "render the main window to this PNG file after start-up and exit")
	wsPath := flag.String("workspace", "", "workspace file (default: the per-user workspace)")
	flag.Parse()
	probe := startup.StartProbe() // runs while the workspace opens

	path := *wsPath
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			startup.Fatal("年报助手无法启动", "找不到用户数据文件夹："+err.Error(), 2)
		}
		path = p
	}
	logPath, logFile, _ := startup.OpenLog(filepath.Dir(path))
	defer logFile.Close()

	ws, err := storage.Open(path)
	if err != nil {
		log.Printf("open workspace %s: %v", path, err)
		reason := err.Error()
		var se *storage.Error
		if errors.As(err, &se) && se.Msg != "" {
			reason = se.Msg
		}
		startup.Fatal("年报助手无法打开工作区", startup.WorkspaceMessage(reason, logPath), 4)
	}

	a := fyneapp.NewWithID("cn.nianbao.app")
	a.Settings().SetTheme(ui.NewTheme())
	preloaded := make(chan struct{})
	go func() { ui.Preload(); close(preloaded) }() // overlaps the probe
	if err := probe(); err != nil {
		log.Printf("OpenGL probe: %v", err)
		_ = ws.Close()
		startup.Fatal("年报助手无法启动", startup.NoOpenGLMessage(logPath), 3)
	}
	<-preloaded
	m := ui.NewMainWindow(a, ws)
	if *shot != "" {
		startup.Screenshot(m.Window(), *shot, func() { _ = m.Workspace().Close() })
	}
	m.Window().ShowAndRun()
	if err := m.Workspace().Close(); err != nil {
		log.Printf("close workspace: %v", err)
	}
}
