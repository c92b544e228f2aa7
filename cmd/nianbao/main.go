// Command nianbao is the desktop app 年报助手: nianbao [FILE…] opens report
// files or PDFs the app printed. Everything but start-up lives in package ui
// and internal/startup, so the window is tested headlessly.
package main

import (
	"errors"
	"flag"
	"log"
	"path/filepath"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"nianbao/internal/instance"
	"nianbao/internal/startup"
	"nianbao/storage"
	"nianbao/ui"
)

func main() {
	startup.RunProbeIfAsked()
	shot := flag.String("screenshot", "", "render the main window to this PNG file after start-up and exit")
	wsPath := flag.String("workspace", "", "workspace file (default: the per-user workspace)")
	flag.Parse()
	files := instance.AbsPaths(flag.Args())

	path := *wsPath
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			startup.Fatal("年报助手无法启动", "找不到用户数据文件夹："+err.Error(), 2)
		}
		path = p
	}
	socket := instance.SocketPath(path)
	if *shot == "" && instance.Send(socket, files) == nil {
		return // the window already running took the files
	}
	probe := startup.StartProbe() // runs while the workspace opens
	logPath, logFile, _ := startup.OpenLog(filepath.Dir(path))
	defer logFile.Close()

	ws, err := storage.Open(path)
	if errors.Is(err, storage.ErrLocked) && instance.SendPatiently(socket, files) {
		return
	}
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
	m.OpenFiles(files)
	if srv, err := instance.Listen(socket, func(f []string) { fyne.Do(func() { m.HandOver(f) }) }); err != nil {
		log.Printf("hand-over: %v", err)
	} else {
		defer srv.Close()
	}
	if *shot != "" {
		startup.Screenshot(m.Window(), *shot, func() { _ = m.Workspace().Close() })
	}
	m.Window().ShowAndRun()
	if err := m.Workspace().Close(); err != nil {
		log.Printf("close workspace: %v", err)
	}
}
