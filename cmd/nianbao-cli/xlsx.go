package main

import (
	"nianbao/app"
	"nianbao/xlsx"
)

func init() {
	x := officeExport{name: "xlsx", what: "Excel表格", ext: ".xlsx",
		write: func(r *app.Report, o officeOptions) ([]byte, error) {
			return xlsx.Encode(r, xlsx.Options{Draft: o.draft})
		}}
	register(&command{
		name:    "xlsx",
		summary: "导出表二、表三、表四为 Excel 表格 / export the three tables as an Excel workbook",
		run:     x.run,
	})
}
