package main

import "strings"

// spamSeed is the seed published with injected spam text; seedgen also
// writes a "-clean" variant of it.
const spamSeed = "mogu-2023"

// spamToken is the injected text (formats.md §9 E15).
const spamToken = "UedBet体育"

// spamRepairs restore the words the token replaced where deleting it alone
// would leave a broken name or fixed formula. Each is listed with its basis
// in testdata/seeds/README.md; everywhere else the token is only deleted.
var spamRepairs = [][2]string{
	{"政府信息与" + spamToken + "办公室", "政府信息与政务公开办公室"},
	{"坚持以" + spamToken + "新时代中国特色社会主义思想", "坚持以习近平新时代中国特色社会主义思想"},
	{"呼伦贝尔市及" + spamToken + "委市政府", "呼伦贝尔市及扎兰屯市委市政府"},
}

func cleanSpam(s *source) *source {
	c := *s
	c.text = map[string][]string{}
	for k, paras := range s.text {
		for _, p := range paras {
			for _, rep := range spamRepairs {
				p = strings.ReplaceAll(p, rep[0], rep[1])
			}
			c.text[k] = append(c.text[k], strings.ReplaceAll(p, spamToken, ""))
		}
	}
	return &c
}
