
BoutputJ(†êo;Â7•º¶ÿ<ºP"º³Û©¹¡UI9VõS¹\EÙ8MW ;ŒÏÓ»