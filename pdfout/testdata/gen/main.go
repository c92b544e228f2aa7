// Command gen writes the pdfout test fixtures with the app package:
// go run ./pdfout/testdata/gen (from the module root).
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"nianbao/app"
)

const s1 = `2021年，我县在县委、县政府的坚强领导下，认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），围绕“放管服”改革和优化营商环境等重点工作，进一步加大政府信息公开力度，保障人民群众的知情权、参与权、表达权和监督权。
（一）主动公开
全年通过县政府门户网站（http://www.xinjiang.gov.cn）主动公开政府信息1286条，其中政策文件52条、政策解读37条、财政预决算信息46条，发布“新绛发布”微信公众号信息415条。在政府网站开设“惠企政策”专栏，集中发布减税降费、稳岗就业等政策文件。
（二）依申请公开
全年新收政府信息公开申请35件，上年结转2件，办理完毕34件，结转下年度继续办理3件。所有申请均在法定期限内答复，未发生因答复超期被纠错的情况。
（三）政府信息管理。严格落实信息发布“三审”制度，全年开展公开内容保密审查1286次，对已公开的行政规范性文件进行动态调整，清理失效文件17件，确保公开信息准确、权威。
（四）政府信息公开平台建设
1.加强平台整合。完成政府网站集约化迁移，IPv6改造通过验收，网站年度访问量达到2,316,540人次，比上年增长12.5%。
2.畅通咨询渠道。设立政府信息公开咨询电话0359-7522345，工作日有专人接听；依申请公开受理邮箱为xjxzfxxgk@163.com，全年受理咨询213次。
（五）监督保障
县政府将政府信息公开工作纳入年度目标责任考核，考核分值占3%；组织专题培训2次，参训人员146人次；全年开展社会评议1次，未发生责任追究情况。信息公开工作人员王堃、李喆、张赟获评年度先进个人。`

const s5 = `（一）存在的主要问题
一是部分单位对政府信息公开工作重视程度不够，信息更新不够及时；二是政策解读形式较为单一，图解、视频等多样化解读偏少；三是基层政务公开标准化规范化建设仍需深化。
（二）改进情况
针对上述问题，我县将从三个方面加以改进：一是强化督促检查，实行“月通报、季考核”，确保信息“应公开尽公开”；二是丰富解读形式，推动“图文、音视频、H5”等多种形式解读，全年力争多样化解读占比不低于30%；三是深化基层政务公开，编制完善乡镇（街道）公开事项标准目录……`

const s6 = `本年度未收取政府信息公开信息处理费。
按照《国务院办公厅政府信息与政务公开办公室关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）要求，本机关无其他需要报告的事项。`

func main() {
	out := os.Args[1]
	r21, err := app.NewReport("新绛县人民政府", app.LevelCounty, 2021)
	check(err)
	r21.Text.Preface = r21.Text.Preface + "本报告电子版可在新绛县人民政府门户网站（https://www.xinjiang.gov.cn/zwgk/ndbg）查阅下载。如对本报告有疑问，请与新绛县人民政府办公室联系（地址：新绛县龙兴路1号；邮编：043100；电话：0359-7522345；电子邮箱：xjxzfxxgk@163.com）。"
	r21.Text.S1, r21.Text.S5, r21.Text.S6 = s1, s5, s6
	r21.Doc = app.Doc{
		Style: app.StyleGongwen, DocNumber: "绛政〔2022〕3号", Signer: "王堃",
		Signature: "新绛县人民政府", Date: "2022-01-18", Note: "此件主动公开",
		CC: "运城市人民政府办公室，县委办公室，县人大常委会办公室，县政协办公室", PrintedBy: "新绛县人民政府办公室", PrintedDate: "2022-01-18",
	}
	f := r21.FormatDef()
	vals := map[string]string{
		"t2.rule.issued": "0", "t2.rule.repealed": "0", "t2.rule.effective": "0",
		"t2.normdoc.issued": "12", "t2.normdoc.repealed": "3", "t2.normdoc.effective": "57",
		"t2.license.decisions": "4352", "t2.penalty.decisions": "1276", "t2.coercion.decisions": "38",
		"t2.fee.amount": "126.0350",
	}
	t3 := map[string][]int{ // natural commercial research social legal othorg
		"new":               {28, 4, 0, 1, 2, 0},
		"carried":           {2, 0, 0, 0, 0, 0},
		"granted":           {15, 2, 0, 1, 1, 0},
		"partial":           {3, 0, 0, 0, 0, 0},
		"denied.thirdparty": {1, 0, 0, 0, 0, 0},
		"denied.process":    {1, 0, 0, 0, 0, 0},
		"unable.nothold":    {5, 1, 0, 0, 1, 0},
		"unable.create":     {1, 0, 0, 0, 0, 0},
		"rejected.repeat":   {1, 0, 0, 0, 0, 0},
		"other.other":       {1, 0, 0, 0, 0, 0},
		"forward":           {2, 1, 0, 0, 0, 0},
	}
	t4 := map[string][]int{"review": {2, 1, 0, 0}, "suitdirect": {1, 0, 1, 1}, "suitafter": {0, 0, 0, 1}}
	fill(r21, f, vals, t3, t4)
	write(filepath.Join(out, "full-2021.nianbao.json"), r21)

	r19, err := app.NewReport("漳平市西园镇人民政府", app.LevelTownship, 2019)
	check(err)
	r19.Text.S1 = "（一）主动公开\n2019年度我镇通过漳平市政府网站开设政府信息公开专栏，主动公开政府信息25条。\n（二）依申请公开\n我镇未收到政府信息公开申请。\n（三）政府信息管理\n及时调整政府信息公开领导小组成员，由一人专门负责信息公开工作。\n（四）平台建设\n及时更新政府信息公开目录，联系电话：0597-7550058，电子邮箱xy7550058@163.com。\n（五）监督保障\n将政府信息公开工作纳入年度绩效考核，未发生责任追究情况。"
	r19.Text.S5 = "（一）存在的主要问题\n信息公开的及时性有待提高。\n（二）改进情况\n加强业务培训，规范信息发布流程。"
	r19.Text.S6 = "无。"
	r19.Doc.Date = "2020-01-15"
	vals19 := map[string]string{
		"t2.rule.made": "0", "t2.rule.published": "0", "t2.rule.total": "0",
		"t2.normdoc.made": "2", "t2.normdoc.published": "2", "t2.normdoc.total": "9",
		"t2.license.prev": "3", "t2.license.delta": "-1", "t2.license.decisions": "12",
		"t2.otherservice.prev": "5", "t2.otherservice.delta": "0", "t2.otherservice.decisions": "31",
		"t2.penalty.prev": "2", "t2.penalty.delta": "1", "t2.penalty.decisions": "7",
		"t2.coercion.prev": "0", "t2.coercion.delta": "0", "t2.coercion.decisions": "0",
		"t2.fee.prev": "1", "t2.fee.delta": "0",
		"t2.procurement.items": "4", "t2.procurement.amount": "56.2",
	}
	t319 := map[string][]int{
		"new": {3, 0, 0, 0, 0, 0}, "carried": {0, 0, 0, 0, 0, 0},
		"granted": {2, 0, 0, 0, 0, 0}, "unable.nothold": {1, 0, 0, 0, 0, 0},
	}
	fill(r19, r19.FormatDef(), vals19, t319, map[string][]int{})
	write(filepath.Join(out, "township-2019.nianbao.json"), r19)
	seal(filepath.Join(out, "seal.png"))
}

// seal draws a test seal: a red ring and a five-pointed star on a
// transparent ground.
func seal(path string) {
	const n = 420
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	c := float64(n) / 2
	red := color.NRGBA{220, 20, 30, 210}
	// star vertices
	var px, py [10]float64
	for i := range 10 {
		rad := 90.0
		if i%2 == 1 {
			rad = 36
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		px[i], py[i] = c+rad*math.Cos(a), c+rad*math.Sin(a)
	}
	inStar := func(x, y float64) bool {
		in := false
		for i, j := 0, 9; i < 10; j, i = i, i+1 {
			if (py[i] > y) != (py[j] > y) && x < (px[j]-px[i])*(y-py[i])/(py[j]-py[i])+px[i] {
				in = !in
			}
		}
		return in
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			d := math.Hypot(fx-c, fy-c)
			if d >= c-18 && d <= c-2 || inStar(fx, fy) {
				img.SetNRGBA(x, y, red)
			}
		}
	}
	fh, err := os.Create(path)
	check(err)
	check(png.Encode(fh, img))
	check(fh.Close())
}

func fill(r *app.Report, f *app.Format, vals map[string]string, t3, t4 map[string][]int) {
	for _, c := range f.Cells() {
		if c.Computed() {
			continue
		}
		switch c.Table {
		case "t2":
			r.SetCell(c.ID, vals[c.ID])
		case "t3":
			v := 0
			if row, ok := t3[c.Row]; ok {
				for i, k := range app.ApplicantColumns {
					if k == c.Col {
						v = row[i]
					}
				}
			}
			r.SetCell(c.ID, fmt.Sprint(v))
		case "t4":
			v := 0
			if row, ok := t4[c.Row]; ok {
				for i, k := range app.T4Results {
					if k == c.Col {
						v = row[i]
					}
				}
			}
			r.SetCell(c.ID, fmt.Sprint(v))
		}
	}
	app.Recompute(r)
}

func write(path string, r *app.Report) {
	fh, err := os.Create(path)
	check(err)
	check(app.WriteReport(fh, r))
	check(fh.Close())
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
