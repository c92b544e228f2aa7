package startup

import "fmt"

// NoOpenGLMessage tells the clerk what is wrong when no OpenGL 2.1 window can
// be opened, what to do, and that the command-line tool still works.
func NoOpenGLMessage(logPath string) string {
	return "年报助手无法打开窗口：这台电脑的显卡驱动不支持 OpenGL 2.1 图形功能，或当前没有可用的图形界面。\n\n" +
		"请这样处理：\n" +
		"1. 更新显卡驱动（到电脑厂商或显卡厂商网站下载，或请信息中心协助）；\n" +
		"2. 如果在虚拟机中使用，请在虚拟机设置中开启“3D 加速”；如果通过远程桌面使用，请改在本机上运行。\n\n" +
		"不需要图形界面的命令行工具 nianbao-cli 仍可使用，例如：\n" +
		"  nianbao-cli check 报告.nianbao.json\n" +
		"  nianbao-cli pdf -o 报告.pdf 报告.nianbao.json\n\n" +
		fmt.Sprintf("详细信息已写入日志文件：%s", logPath)
}

// WorkspaceMessage explains a workspace that cannot be opened.
func WorkspaceMessage(reason, logPath string) string {
	return reason + "\n\n详细信息已写入日志文件：" + logPath
}
