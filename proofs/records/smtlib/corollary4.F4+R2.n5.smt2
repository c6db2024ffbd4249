; benchmark generated from python API
(set-info :status unknown)
(declare-fun v_1 () Real)
(declare-fun v_2 () Real)
(declare-fun v_3 () Real)
(declare-fun v_4 () Real)
(declare-fun v_5 () Real)
(declare-fun v_6 () Real)
(declare-fun v_7 () Real)
(declare-fun v_8 () Real)
(declare-fun v_9 () Real)
(declare-fun v_10 () Real)
(declare-fun v_11 () Real)
(declare-fun v_12 () Real)
(declare-fun v_13 () Real)
(declare-fun v_14 () Real)
(declare-fun v_15 () Real)
(declare-fun v_16 () Real)
(declare-fun v_17 () Real)
(declare-fun v_18 () Real)
(declare-fun v_19 () Real)
(declare-fun v_20 () Real)
(declare-fun v_21 () Real)
(declare-fun v_22 () Real)
(declare-fun v_23 () Real)
(declare-fun v_24 () Real)
(declare-fun v_25 () Real)
(declare-fun v_26 () Real)
(declare-fun v_27 () Real)
(declare-fun v_28 () Real)
(declare-fun v_29 () Real)
(declare-fun v_30 () Real)
(declare-fun v_31 () Real)
(declare-fun w_1 () Real)
(declare-fun w_2 () Real)
(declare-fun w_3 () Real)
(declare-fun w_4 () Real)
(declare-fun w_5 () Real)
(declare-fun w_6 () Real)
(declare-fun w_7 () Real)
(declare-fun w_8 () Real)
(declare-fun w_9 () Real)
(declare-fun w_10 () Real)
(declare-fun w_11 () Real)
(declare-fun w_12 () Real)
(declare-fun w_13 () Real)
(declare-fun w_14 () Real)
(declare-fun w_15 () Real)
(declare-fun w_16 () Real)
(declare-fun w_17 () Real)
(declare-fun w_18 () Real)
(declare-fun w_19 () Real)
(declare-fun w_20 () Real)
(declare-fun w_21 () Real)
(declare-fun w_22 () Real)
(declare-fun w_23 () Real)
(declare-fun w_24 () Real)
(declare-fun w_25 () Real)
(declare-fun w_26 () Real)
(declare-fun w_27 () Real)
(declare-fun w_28 () Real)
(declare-fun w_29 () Real)
(declare-fun w_30 () Real)
(declare-fun w_31 () Real)
(declare-fun M_0_1 () Real)
(declare-fun M_1_2 () Real)
(declare-fun M_1_3 () Real)
(declare-fun M_0_3 () Real)
(declare-fun M_2_4 () Real)
(declare-fun M_2_5 () Real)
(declare-fun M_0_5 () Real)
(declare-fun M_2_6 () Real)
(declare-fun M_1_6 () Real)
(declare-fun M_2_7 () Real)
(declare-fun M_1_7 () Real)
(declare-fun M_0_7 () Real)
(declare-fun M_3_8 () Real)
(declare-fun M_3_9 () Real)
(declare-fun M_0_9 () Real)
(declare-fun M_3_10 () Real)
(declare-fun M_1_10 () Real)
(declare-fun M_3_11 () Real)
(declare-fun M_1_11 () Real)
(declare-fun M_0_11 () Real)
(declare-fun M_3_12 () Real)
(declare-fun M_2_12 () Real)
(declare-fun M_3_13 () Real)
(declare-fun M_2_13 () Real)
(declare-fun M_0_13 () Real)
(declare-fun M_3_14 () Real)
(declare-fun M_2_14 () Real)
(declare-fun M_1_14 () Real)
(declare-fun M_3_15 () Real)
(declare-fun M_2_15 () Real)
(declare-fun M_1_15 () Real)
(declare-fun M_0_15 () Real)
(declare-fun M_4_16 () Real)
(declare-fun M_4_17 () Real)
(declare-fun M_0_17 () Real)
(declare-fun M_4_18 () Real)
(declare-fun M_1_18 () Real)
(declare-fun M_4_19 () Real)
(declare-fun M_1_19 () Real)
(declare-fun M_0_19 () Real)
(declare-fun M_4_20 () Real)
(declare-fun M_2_20 () Real)
(declare-fun M_4_21 () Real)
(declare-fun M_2_21 () Real)
(declare-fun M_0_21 () Real)
(declare-fun M_4_22 () Real)
(declare-fun M_2_22 () Real)
(declare-fun M_1_22 () Real)
(declare-fun M_4_23 () Real)
(declare-fun M_2_23 () Real)
(declare-fun M_1_23 () Real)
(declare-fun M_0_23 () Real)
(declare-fun M_4_24 () Real)
(declare-fun M_3_24 () Real)
(declare-fun M_4_25 () Real)
(declare-fun M_3_25 () Real)
(declare-fun M_0_25 () Real)
(declare-fun M_4_26 () Real)
(declare-fun M_3_26 () Real)
(declare-fun M_1_26 () Real)
(declare-fun M_4_27 () Real)
(declare-fun M_3_27 () Real)
(declare-fun M_1_27 () Real)
(declare-fun M_0_27 () Real)
(declare-fun M_4_28 () Real)
(declare-fun M_3_28 () Real)
(declare-fun M_2_28 () Real)
(declare-fun M_4_29 () Real)
(declare-fun M_3_29 () Real)
(declare-fun M_2_29 () Real)
(declare-fun M_0_29 () Real)
(declare-fun M_4_30 () Real)
(declare-fun M_3_30 () Real)
(declare-fun M_2_30 () Real)
(declare-fun M_1_30 () Real)
(declare-fun M_4_31 () Real)
(declare-fun M_3_31 () Real)
(declare-fun M_2_31 () Real)
(declare-fun M_1_31 () Real)
(declare-fun M_0_31 () Real)
(declare-fun M_0_0 () Real)
(declare-fun M_1_0 () Real)
(declare-fun M_2_0 () Real)
(declare-fun M_3_0 () Real)
(declare-fun M_4_0 () Real)
(declare-fun M_1_1 () Real)
(declare-fun M_2_1 () Real)
(declare-fun M_3_1 () Real)
(declare-fun M_4_1 () Real)
(declare-fun M_0_2 () Real)
(declare-fun M_2_2 () Real)
(declare-fun M_3_2 () Real)
(declare-fun M_4_2 () Real)
(declare-fun M_2_3 () Real)
(declare-fun M_3_3 () Real)
(declare-fun M_4_3 () Real)
(declare-fun M_0_4 () Real)
(declare-fun M_1_4 () Real)
(declare-fun M_3_4 () Real)
(declare-fun M_4_4 () Real)
(declare-fun M_1_5 () Real)
(declare-fun M_3_5 () Real)
(declare-fun M_4_5 () Real)
(declare-fun M_0_6 () Real)
(declare-fun M_3_6 () Real)
(declare-fun M_4_6 () Real)
(declare-fun M_3_7 () Real)
(declare-fun M_4_7 () Real)
(declare-fun M_0_8 () Real)
(declare-fun M_1_8 () Real)
(declare-fun M_2_8 () Real)
(declare-fun M_4_8 () Real)
(declare-fun M_1_9 () Real)
(declare-fun M_2_9 () Real)
(declare-fun M_4_9 () Real)
(declare-fun M_0_10 () Real)
(declare-fun M_2_10 () Real)
(declare-fun M_4_10 () Real)
(declare-fun M_2_11 () Real)
(declare-fun M_4_11 () Real)
(declare-fun M_0_12 () Real)
(declare-fun M_1_12 () Real)
(declare-fun M_4_12 () Real)
(declare-fun M_1_13 () Real)
(declare-fun M_4_13 () Real)
(declare-fun M_0_14 () Real)
(declare-fun M_4_14 () Real)
(declare-fun M_4_15 () Real)
(declare-fun M_0_16 () Real)
(declare-fun M_1_16 () Real)
(declare-fun M_2_16 () Real)
(declare-fun M_3_16 () Real)
(declare-fun M_1_17 () Real)
(declare-fun M_2_17 () Real)
(declare-fun M_3_17 () Real)
(declare-fun M_0_18 () Real)
(declare-fun M_2_18 () Real)
(declare-fun M_3_18 () Real)
(declare-fun M_2_19 () Real)
(declare-fun M_3_19 () Real)
(declare-fun M_0_20 () Real)
(declare-fun M_1_20 () Real)
(declare-fun M_3_20 () Real)
(declare-fun M_1_21 () Real)
(declare-fun M_3_21 () Real)
(declare-fun M_0_22 () Real)
(declare-fun M_3_22 () Real)
(declare-fun M_3_23 () Real)
(declare-fun M_0_24 () Real)
(declare-fun M_1_24 () Real)
(declare-fun M_2_24 () Real)
(declare-fun M_1_25 () Real)
(declare-fun M_2_25 () Real)
(declare-fun M_0_26 () Real)
(declare-fun M_2_26 () Real)
(declare-fun M_2_27 () Real)
(declare-fun M_0_28 () Real)
(declare-fun M_1_28 () Real)
(declare-fun M_1_29 () Real)
(declare-fun M_0_30 () Real)
(declare-fun N_0_1 () Real)
(declare-fun N_1_2 () Real)
(declare-fun N_1_3 () Real)
(declare-fun N_0_3 () Real)
(declare-fun N_2_4 () Real)
(declare-fun N_2_5 () Real)
(declare-fun N_0_5 () Real)
(declare-fun N_2_6 () Real)
(declare-fun N_1_6 () Real)
(declare-fun N_2_7 () Real)
(declare-fun N_1_7 () Real)
(declare-fun N_0_7 () Real)
(declare-fun N_3_8 () Real)
(declare-fun N_3_9 () Real)
(declare-fun N_0_9 () Real)
(declare-fun N_3_10 () Real)
(declare-fun N_1_10 () Real)
(declare-fun N_3_11 () Real)
(declare-fun N_1_11 () Real)
(declare-fun N_0_11 () Real)
(declare-fun N_3_12 () Real)
(declare-fun N_2_12 () Real)
(declare-fun N_3_13 () Real)
(declare-fun N_2_13 () Real)
(declare-fun N_0_13 () Real)
(declare-fun N_3_14 () Real)
(declare-fun N_2_14 () Real)
(declare-fun N_1_14 () Real)
(declare-fun N_3_15 () Real)
(declare-fun N_2_15 () Real)
(declare-fun N_1_15 () Real)
(declare-fun N_0_15 () Real)
(declare-fun N_4_16 () Real)
(declare-fun N_4_17 () Real)
(declare-fun N_0_17 () Real)
(declare-fun N_4_18 () Real)
(declare-fun N_1_18 () Real)
(declare-fun N_4_19 () Real)
(declare-fun N_1_19 () Real)
(declare-fun N_0_19 () Real)
(declare-fun N_4_20 () Real)
(declare-fun N_2_20 () Real)
(declare-fun N_4_21 () Real)
(declare-fun N_2_21 () Real)
(declare-fun N_0_21 () Real)
(declare-fun N_4_22 () Real)
(declare-fun N_2_22 () Real)
(declare-fun N_1_22 () Real)
(declare-fun N_4_23 () Real)
(declare-fun N_2_23 () Real)
(declare-fun N_1_23 () Real)
(declare-fun N_0_23 () Real)
(declare-fun N_4_24 () Real)
(declare-fun N_3_24 () Real)
(declare-fun N_4_25 () Real)
(declare-fun N_3_25 () Real)
(declare-fun N_0_25 () Real)
(declare-fun N_4_26 () Real)
(declare-fun N_3_26 () Real)
(declare-fun N_1_26 () Real)
(declare-fun N_4_27 () Real)
(declare-fun N_3_27 () Real)
(declare-fun N_1_27 () Real)
(declare-fun N_0_27 () Real)
(declare-fun N_4_28 () Real)
(declare-fun N_3_28 () Real)
(declare-fun N_2_28 () Real)
(declare-fun N_4_29 () Real)
(declare-fun N_3_29 () Real)
(declare-fun N_2_29 () Real)
(declare-fun N_0_29 () Real)
(declare-fun N_4_30 () Real)
(declare-fun N_3_30 () Real)
(declare-fun N_2_30 () Real)
(declare-fun N_1_30 () Real)
(declare-fun N_4_31 () Real)
(declare-fun N_3_31 () Real)
(declare-fun N_2_31 () Real)
(declare-fun N_1_31 () Real)
(declare-fun N_0_31 () Real)
(declare-fun N_0_0 () Real)
(declare-fun N_1_0 () Real)
(declare-fun N_2_0 () Real)
(declare-fun N_3_0 () Real)
(declare-fun N_4_0 () Real)
(declare-fun N_1_1 () Real)
(declare-fun N_2_1 () Real)
(declare-fun N_3_1 () Real)
(declare-fun N_4_1 () Real)
(declare-fun N_0_2 () Real)
(declare-fun N_2_2 () Real)
(declare-fun N_3_2 () Real)
(declare-fun N_4_2 () Real)
(declare-fun N_2_3 () Real)
(declare-fun N_3_3 () Real)
(declare-fun N_4_3 () Real)
(declare-fun N_0_4 () Real)
(declare-fun N_1_4 () Real)
(declare-fun N_3_4 () Real)
(declare-fun N_4_4 () Real)
(declare-fun N_1_5 () Real)
(declare-fun N_3_5 () Real)
(declare-fun N_4_5 () Real)
(declare-fun N_0_6 () Real)
(declare-fun N_3_6 () Real)
(declare-fun N_4_6 () Real)
(declare-fun N_3_7 () Real)
(declare-fun N_4_7 () Real)
(declare-fun N_0_8 () Real)
(declare-fun N_1_8 () Real)
(declare-fun N_2_8 () Real)
(declare-fun N_4_8 () Real)
(declare-fun N_1_9 () Real)
(declare-fun N_2_9 () Real)
(declare-fun N_4_9 () Real)
(declare-fun N_0_10 () Real)
(declare-fun N_2_10 () Real)
(declare-fun N_4_10 () Real)
(declare-fun N_2_11 () Real)
(declare-fun N_4_11 () Real)
(declare-fun N_0_12 () Real)
(declare-fun N_1_12 () Real)
(declare-fun N_4_12 () Real)
(declare-fun N_1_13 () Real)
(declare-fun N_4_13 () Real)
(declare-fun N_0_14 () Real)
(declare-fun N_4_14 () Real)
(declare-fun N_4_15 () Real)
(declare-fun N_0_16 () Real)
(declare-fun N_1_16 () Real)
(declare-fun N_2_16 () Real)
(declare-fun N_3_16 () Real)
(declare-fun N_1_17 () Real)
(declare-fun N_2_17 () Real)
(declare-fun N_3_17 () Real)
(declare-fun N_0_18 () Real)
(declare-fun N_2_18 () Real)
(declare-fun N_3_18 () Real)
(declare-fun N_2_19 () Real)
(declare-fun N_3_19 () Real)
(declare-fun N_0_20 () Real)
(declare-fun N_1_20 () Real)
(declare-fun N_3_20 () Real)
(declare-fun N_1_21 () Real)
(declare-fun N_3_21 () Real)
(declare-fun N_0_22 () Real)
(declare-fun N_3_22 () Real)
(declare-fun N_3_23 () Real)
(declare-fun N_0_24 () Real)
(declare-fun N_1_24 () Real)
(declare-fun N_2_24 () Real)
(declare-fun N_1_25 () Real)
(declare-fun N_2_25 () Real)
(declare-fun N_0_26 () Real)
(declare-fun N_2_26 () Real)
(declare-fun N_2_27 () Real)
(declare-fun N_0_28 () Real)
(declare-fun N_1_28 () Real)
(declare-fun N_1_29 () Real)
(declare-fun N_0_30 () Real)
(assert
 (<= 0.0 v_1))
(assert
 (<= 0.0 v_2))
(assert
 (<= v_2 v_3))
(assert
 (<= v_1 v_3))
(assert
 (<= 0.0 v_4))
(assert
 (<= v_4 v_5))
(assert
 (<= v_1 v_5))
(assert
 (<= v_4 v_6))
(assert
 (<= v_2 v_6))
(assert
 (<= v_6 v_7))
(assert
 (<= v_5 v_7))
(assert
 (<= v_3 v_7))
(assert
 (<= 0.0 v_8))
(assert
 (<= v_8 v_9))
(assert
 (<= v_1 v_9))
(assert
 (<= v_8 v_10))
(assert
 (<= v_2 v_10))
(assert
 (<= v_10 v_11))
(assert
 (<= v_9 v_11))
(assert
 (<= v_3 v_11))
(assert
 (<= v_8 v_12))
(assert
 (<= v_4 v_12))
(assert
 (<= v_12 v_13))
(assert
 (<= v_9 v_13))
(assert
 (<= v_5 v_13))
(assert
 (<= v_12 v_14))
(assert
 (<= v_10 v_14))
(assert
 (<= v_6 v_14))
(assert
 (<= v_14 v_15))
(assert
 (<= v_13 v_15))
(assert
 (<= v_11 v_15))
(assert
 (<= v_7 v_15))
(assert
 (<= 0.0 v_16))
(assert
 (<= v_16 v_17))
(assert
 (<= v_1 v_17))
(assert
 (<= v_16 v_18))
(assert
 (<= v_2 v_18))
(assert
 (<= v_18 v_19))
(assert
 (<= v_17 v_19))
(assert
 (<= v_3 v_19))
(assert
 (<= v_16 v_20))
(assert
 (<= v_4 v_20))
(assert
 (<= v_20 v_21))
(assert
 (<= v_17 v_21))
(assert
 (<= v_5 v_21))
(assert
 (<= v_20 v_22))
(assert
 (<= v_18 v_22))
(assert
 (<= v_6 v_22))
(assert
 (<= v_22 v_23))
(assert
 (<= v_21 v_23))
(assert
 (<= v_19 v_23))
(assert
 (<= v_7 v_23))
(assert
 (<= v_16 v_24))
(assert
 (<= v_8 v_24))
(assert
 (<= v_24 v_25))
(assert
 (<= v_17 v_25))
(assert
 (<= v_9 v_25))
(assert
 (<= v_24 v_26))
(assert
 (<= v_18 v_26))
(assert
 (<= v_10 v_26))
(assert
 (<= v_26 v_27))
(assert
 (<= v_25 v_27))
(assert
 (<= v_19 v_27))
(assert
 (<= v_11 v_27))
(assert
 (<= v_24 v_28))
(assert
 (<= v_20 v_28))
(assert
 (<= v_12 v_28))
(assert
 (<= v_28 v_29))
(assert
 (<= v_25 v_29))
(assert
 (<= v_21 v_29))
(assert
 (<= v_13 v_29))
(assert
 (<= v_28 v_30))
(assert
 (<= v_26 v_30))
(assert
 (<= v_22 v_30))
(assert
 (<= v_14 v_30))
(assert
 (<= v_30 v_31))
(assert
 (<= v_29 v_31))
(assert
 (<= v_27 v_31))
(assert
 (<= v_23 v_31))
(assert
 (<= v_15 v_31))
(assert
 (<= 0.0 w_1))
(assert
 (<= 0.0 w_2))
(assert
 (<= w_2 w_3))
(assert
 (<= w_1 w_3))
(assert
 (<= 0.0 w_4))
(assert
 (<= w_4 w_5))
(assert
 (<= w_1 w_5))
(assert
 (<= w_4 w_6))
(assert
 (<= w_2 w_6))
(assert
 (<= w_6 w_7))
(assert
 (<= w_5 w_7))
(assert
 (<= w_3 w_7))
(assert
 (<= 0.0 w_8))
(assert
 (<= w_8 w_9))
(assert
 (<= w_1 w_9))
(assert
 (<= w_8 w_10))
(assert
 (<= w_2 w_10))
(assert
 (<= w_10 w_11))
(assert
 (<= w_9 w_11))
(assert
 (<= w_3 w_11))
(assert
 (<= w_8 w_12))
(assert
 (<= w_4 w_12))
(assert
 (<= w_12 w_13))
(assert
 (<= w_9 w_13))
(assert
 (<= w_5 w_13))
(assert
 (<= w_12 w_14))
(assert
 (<= w_10 w_14))
(assert
 (<= w_6 w_14))
(assert
 (<= w_14 w_15))
(assert
 (<= w_13 w_15))
(assert
 (<= w_11 w_15))
(assert
 (<= w_7 w_15))
(assert
 (<= 0.0 w_16))
(assert
 (<= w_16 w_17))
(assert
 (<= w_1 w_17))
(assert
 (<= w_16 w_18))
(assert
 (<= w_2 w_18))
(assert
 (<= w_18 w_19))
(assert
 (<= w_17 w_19))
(assert
 (<= w_3 w_19))
(assert
 (<= w_16 w_20))
(assert
 (<= w_4 w_20))
(assert
 (<= w_20 w_21))
(assert
 (<= w_17 w_21))
(assert
 (<= w_5 w_21))
(assert
 (<= w_20 w_22))
(assert
 (<= w_18 w_22))
(assert
 (<= w_6 w_22))
(assert
 (<= w_22 w_23))
(assert
 (<= w_21 w_23))
(assert
 (<= w_19 w_23))
(assert
 (<= w_7 w_23))
(assert
 (<= w_16 w_24))
(assert
 (<= w_8 w_24))
(assert
 (<= w_24 w_25))
(assert
 (<= w_17 w_25))
(assert
 (<= w_9 w_25))
(assert
 (<= w_24 w_26))
(assert
 (<= w_18 w_26))
(assert
 (<= w_10 w_26))
(assert
 (<= w_26 w_27))
(assert
 (<= w_25 w_27))
(assert
 (<= w_19 w_27))
(assert
 (<= w_11 w_27))
(assert
 (<= w_24 w_28))
(assert
 (<= w_20 w_28))
(assert
 (<= w_12 w_28))
(assert
 (<= w_28 w_29))
(assert
 (<= w_25 w_29))
(assert
 (<= w_21 w_29))
(assert
 (<= w_13 w_29))
(assert
 (<= w_28 w_30))
(assert
 (<= w_26 w_30))
(assert
 (<= w_22 w_30))
(assert
 (<= w_14 w_30))
(assert
 (<= w_30 w_31))
(assert
 (<= w_29 w_31))
(assert
 (<= w_27 w_31))
(assert
 (<= w_23 w_31))
(assert
 (<= w_15 w_31))
(assert
 (= M_0_1 v_1))
(assert
 (= M_1_2 v_2))
(assert
 (let (($x663 (= M_1_3 v_3)))
 (let (($x600 (= M_0_3 v_3)))
 (or $x600 $x663))))
(assert
 (= M_2_4 v_4))
(assert
 (let (($x382 (= M_2_5 v_5)))
 (let (($x3534 (= M_0_5 v_5)))
 (or $x3534 $x382))))
(assert
 (let (($x887 (= M_2_6 v_6)))
 (let (($x1572 (= M_1_6 v_6)))
 (or $x1572 $x887))))
(assert
 (let (($x1824 (= M_2_7 v_7)))
 (let (($x2359 (= M_1_7 v_7)))
 (let (($x759 (= M_0_7 v_7)))
 (or $x759 $x2359 $x1824)))))
(assert
 (= M_3_8 v_8))
(assert
 (let (($x876 (= M_3_9 v_9)))
 (let (($x729 (= M_0_9 v_9)))
 (or $x729 $x876))))
(assert
 (let (($x1858 (= M_3_10 v_10)))
 (let (($x131 (= M_1_10 v_10)))
 (or $x131 $x1858))))
(assert
 (let (($x1287 (= M_3_11 v_11)))
 (let (($x24 (= M_1_11 v_11)))
 (let (($x799 (= M_0_11 v_11)))
 (or $x799 $x24 $x1287)))))
(assert
 (let (($x1879 (= M_3_12 v_12)))
 (let (($x5401 (= M_2_12 v_12)))
 (or $x5401 $x1879))))
(assert
 (let (($x1216 (= M_3_13 v_13)))
 (let (($x146 (= M_2_13 v_13)))
 (let (($x806 (= M_0_13 v_13)))
 (or $x806 $x146 $x1216)))))
(assert
 (let (($x564 (= M_3_14 v_14)))
 (let (($x837 (= M_2_14 v_14)))
 (let (($x2003 (= M_1_14 v_14)))
 (or $x2003 $x837 $x564)))))
(assert
 (let (($x311 (= M_3_15 v_15)))
 (let (($x2149 (= M_2_15 v_15)))
 (let (($x2130 (= M_1_15 v_15)))
 (let (($x5049 (= M_0_15 v_15)))
 (or $x5049 $x2130 $x2149 $x311))))))
(assert
 (= M_4_16 v_16))
(assert
 (let (($x3457 (= M_4_17 v_17)))
 (let (($x5255 (= M_0_17 v_17)))
 (or $x5255 $x3457))))
(assert
 (let (($x3748 (= M_4_18 v_18)))
 (let (($x5224 (= M_1_18 v_18)))
 (or $x5224 $x3748))))
(assert
 (let (($x756 (= M_4_19 v_19)))
 (let (($x1926 (= M_1_19 v_19)))
 (let (($x2620 (= M_0_19 v_19)))
 (or $x2620 $x1926 $x756)))))
(assert
 (let (($x726 (= M_4_20 v_20)))
 (let (($x586 (= M_2_20 v_20)))
 (or $x586 $x726))))
(assert
 (let (($x2096 (= M_4_21 v_21)))
 (let (($x1750 (= M_2_21 v_21)))
 (let (($x3687 (= M_0_21 v_21)))
 (or $x3687 $x1750 $x2096)))))
(assert
 (let (($x484 (= M_4_22 v_22)))
 (let (($x394 (= M_2_22 v_22)))
 (let (($x4702 (= M_1_22 v_22)))
 (or $x4702 $x394 $x484)))))
(assert
 (let (($x395 (= M_4_23 v_23)))
 (let (($x677 (= M_2_23 v_23)))
 (let (($x543 (= M_1_23 v_23)))
 (let (($x508 (= M_0_23 v_23)))
 (or $x508 $x543 $x677 $x395))))))
(assert
 (let (($x2156 (= M_4_24 v_24)))
 (let (($x1057 (= M_3_24 v_24)))
 (or $x1057 $x2156))))
(assert
 (let (($x604 (= M_4_25 v_25)))
 (let (($x716 (= M_3_25 v_25)))
 (let (($x776 (= M_0_25 v_25)))
 (or $x776 $x716 $x604)))))
(assert
 (let (($x272 (= M_4_26 v_26)))
 (let (($x5393 (= M_3_26 v_26)))
 (let (($x363 (= M_1_26 v_26)))
 (or $x363 $x5393 $x272)))))
(assert
 (let (($x5408 (= M_4_27 v_27)))
 (let (($x923 (= M_3_27 v_27)))
 (let (($x1631 (= M_1_27 v_27)))
 (let (($x3671 (= M_0_27 v_27)))
 (or $x3671 $x1631 $x923 $x5408))))))
(assert
 (let (($x289 (= M_4_28 v_28)))
 (let (($x1613 (= M_3_28 v_28)))
 (let (($x5094 (= M_2_28 v_28)))
 (or $x5094 $x1613 $x289)))))
(assert
 (let (($x2160 (= M_4_29 v_29)))
 (let (($x301 (= M_3_29 v_29)))
 (let (($x1614 (= M_2_29 v_29)))
 (let (($x18 (= M_0_29 v_29)))
 (or $x18 $x1614 $x301 $x2160))))))
(assert
 (let (($x52 (= M_4_30 v_30)))
 (let (($x2163 (= M_3_30 v_30)))
 (let (($x1921 (= M_2_30 v_30)))
 (let (($x3722 (= M_1_30 v_30)))
 (or $x3722 $x1921 $x2163 $x52))))))
(assert
 (let (($x1210 (= M_4_31 v_31)))
 (let (($x1037 (= M_3_31 v_31)))
 (let (($x5122 (= M_2_31 v_31)))
 (let (($x393 (= M_1_31 v_31)))
 (let (($x5476 (= M_0_31 v_31)))
 (or $x5476 $x393 $x5122 $x1037 $x1210)))))))
(assert
 (= M_0_0 v_1))
(assert
 (= M_1_0 v_2))
(assert
 (= M_2_0 v_4))
(assert
 (= M_3_0 v_8))
(assert
 (= M_4_0 v_16))
(assert
 (= M_1_1 v_2))
(assert
 (= M_2_1 v_4))
(assert
 (= M_3_1 v_8))
(assert
 (= M_4_1 v_16))
(assert
 (= M_0_2 v_1))
(assert
 (= M_2_2 v_4))
(assert
 (= M_3_2 v_8))
(assert
 (= M_4_2 v_16))
(assert
 (= M_2_3 v_4))
(assert
 (= M_3_3 v_8))
(assert
 (= M_4_3 v_16))
(assert
 (= M_0_4 v_1))
(assert
 (= M_1_4 v_2))
(assert
 (= M_3_4 v_8))
(assert
 (= M_4_4 v_16))
(assert
 (= M_1_5 v_2))
(assert
 (= M_3_5 v_8))
(assert
 (= M_4_5 v_16))
(assert
 (= M_0_6 v_1))
(assert
 (= M_3_6 v_8))
(assert
 (= M_4_6 v_16))
(assert
 (= M_3_7 v_8))
(assert
 (= M_4_7 v_16))
(assert
 (= M_0_8 v_1))
(assert
 (= M_1_8 v_2))
(assert
 (= M_2_8 v_4))
(assert
 (= M_4_8 v_16))
(assert
 (= M_1_9 v_2))
(assert
 (= M_2_9 v_4))
(assert
 (= M_4_9 v_16))
(assert
 (= M_0_10 v_1))
(assert
 (= M_2_10 v_4))
(assert
 (= M_4_10 v_16))
(assert
 (= M_2_11 v_4))
(assert
 (= M_4_11 v_16))
(assert
 (= M_0_12 v_1))
(assert
 (= M_1_12 v_2))
(assert
 (= M_4_12 v_16))
(assert
 (= M_1_13 v_2))
(assert
 (= M_4_13 v_16))
(assert
 (= M_0_14 v_1))
(assert
 (= M_4_14 v_16))
(assert
 (= M_4_15 v_16))
(assert
 (= M_0_16 v_1))
(assert
 (= M_1_16 v_2))
(assert
 (= M_2_16 v_4))
(assert
 (= M_3_16 v_8))
(assert
 (= M_1_17 v_2))
(assert
 (= M_2_17 v_4))
(assert
 (= M_3_17 v_8))
(assert
 (= M_0_18 v_1))
(assert
 (= M_2_18 v_4))
(assert
 (= M_3_18 v_8))
(assert
 (= M_2_19 v_4))
(assert
 (= M_3_19 v_8))
(assert
 (= M_0_20 v_1))
(assert
 (= M_1_20 v_2))
(assert
 (= M_3_20 v_8))
(assert
 (= M_1_21 v_2))
(assert
 (= M_3_21 v_8))
(assert
 (= M_0_22 v_1))
(assert
 (= M_3_22 v_8))
(assert
 (= M_3_23 v_8))
(assert
 (= M_0_24 v_1))
(assert
 (= M_1_24 v_2))
(assert
 (= M_2_24 v_4))
(assert
 (= M_1_25 v_2))
(assert
 (= M_2_25 v_4))
(assert
 (= M_0_26 v_1))
(assert
 (= M_2_26 v_4))
(assert
 (= M_2_27 v_4))
(assert
 (= M_0_28 v_1))
(assert
 (= M_1_28 v_2))
(assert
 (= M_1_29 v_2))
(assert
 (= M_0_30 v_1))
(assert
 (= (+ M_0_3 (- M_0_1)) (+ M_1_3 (- M_1_2))))
(assert
 (= (+ M_0_5 (- M_0_1)) (+ M_2_5 (- M_2_4))))
(assert
 (= (+ M_1_6 (- M_1_2)) (+ M_2_6 (- M_2_4))))
(assert
 (= (+ M_0_7 (- M_0_5)) (+ M_1_7 (- M_1_6))))
(assert
 (= (+ M_0_7 (- M_0_3)) (+ M_2_7 (- M_2_6))))
(assert
 (= (+ M_1_7 (- M_1_3)) (+ M_2_7 (- M_2_5))))
(assert
 (= (+ M_0_9 (- M_0_1)) (+ M_3_9 (- M_3_8))))
(assert
 (= (+ M_1_10 (- M_1_2)) (+ M_3_10 (- M_3_8))))
(assert
 (= (+ M_0_11 (- M_0_9)) (+ M_1_11 (- M_1_10))))
(assert
 (= (+ M_0_11 (- M_0_3)) (+ M_3_11 (- M_3_10))))
(assert
 (= (+ M_1_11 (- M_1_3)) (+ M_3_11 (- M_3_9))))
(assert
 (= (+ M_2_12 (- M_2_4)) (+ M_3_12 (- M_3_8))))
(assert
 (= (+ M_0_13 (- M_0_9)) (+ M_2_13 (- M_2_12))))
(assert
 (= (+ M_0_13 (- M_0_5)) (+ M_3_13 (- M_3_12))))
(assert
 (= (+ M_2_13 (- M_2_5)) (+ M_3_13 (- M_3_9))))
(assert
 (= (+ M_1_14 (- M_1_10)) (+ M_2_14 (- M_2_12))))
(assert
 (= (+ M_1_14 (- M_1_6)) (+ M_3_14 (- M_3_12))))
(assert
 (= (+ M_2_14 (- M_2_6)) (+ M_3_14 (- M_3_10))))
(assert
 (= (+ M_0_15 (- M_0_13)) (+ M_1_15 (- M_1_14))))
(assert
 (= (+ M_0_15 (- M_0_11)) (+ M_2_15 (- M_2_14))))
(assert
 (= (+ M_0_15 (- M_0_7)) (+ M_3_15 (- M_3_14))))
(assert
 (= (+ M_1_15 (- M_1_11)) (+ M_2_15 (- M_2_13))))
(assert
 (= (+ M_1_15 (- M_1_7)) (+ M_3_15 (- M_3_13))))
(assert
 (= (+ M_2_15 (- M_2_7)) (+ M_3_15 (- M_3_11))))
(assert
 (= (+ M_0_17 (- M_0_1)) (+ M_4_17 (- M_4_16))))
(assert
 (= (+ M_1_18 (- M_1_2)) (+ M_4_18 (- M_4_16))))
(assert
 (= (+ M_0_19 (- M_0_17)) (+ M_1_19 (- M_1_18))))
(assert
 (= (+ M_0_19 (- M_0_3)) (+ M_4_19 (- M_4_18))))
(assert
 (= (+ M_1_19 (- M_1_3)) (+ M_4_19 (- M_4_17))))
(assert
 (= (+ M_2_20 (- M_2_4)) (+ M_4_20 (- M_4_16))))
(assert
 (= (+ M_0_21 (- M_0_17)) (+ M_2_21 (- M_2_20))))
(assert
 (= (+ M_0_21 (- M_0_5)) (+ M_4_21 (- M_4_20))))
(assert
 (= (+ M_2_21 (- M_2_5)) (+ M_4_21 (- M_4_17))))
(assert
 (= (+ M_1_22 (- M_1_18)) (+ M_2_22 (- M_2_20))))
(assert
 (= (+ M_1_22 (- M_1_6)) (+ M_4_22 (- M_4_20))))
(assert
 (= (+ M_2_22 (- M_2_6)) (+ M_4_22 (- M_4_18))))
(assert
 (= (+ M_0_23 (- M_0_21)) (+ M_1_23 (- M_1_22))))
(assert
 (= (+ M_0_23 (- M_0_19)) (+ M_2_23 (- M_2_22))))
(assert
 (= (+ M_0_23 (- M_0_7)) (+ M_4_23 (- M_4_22))))
(assert
 (= (+ M_1_23 (- M_1_19)) (+ M_2_23 (- M_2_21))))
(assert
 (= (+ M_1_23 (- M_1_7)) (+ M_4_23 (- M_4_21))))
(assert
 (= (+ M_2_23 (- M_2_7)) (+ M_4_23 (- M_4_19))))
(assert
 (= (+ M_3_24 (- M_3_8)) (+ M_4_24 (- M_4_16))))
(assert
 (= (+ M_0_25 (- M_0_17)) (+ M_3_25 (- M_3_24))))
(assert
 (= (+ M_0_25 (- M_0_9)) (+ M_4_25 (- M_4_24))))
(assert
 (= (+ M_3_25 (- M_3_9)) (+ M_4_25 (- M_4_17))))
(assert
 (= (+ M_1_26 (- M_1_18)) (+ M_3_26 (- M_3_24))))
(assert
 (= (+ M_1_26 (- M_1_10)) (+ M_4_26 (- M_4_24))))
(assert
 (= (+ M_3_26 (- M_3_10)) (+ M_4_26 (- M_4_18))))
(assert
 (= (+ M_0_27 (- M_0_25)) (+ M_1_27 (- M_1_26))))
(assert
 (= (+ M_0_27 (- M_0_19)) (+ M_3_27 (- M_3_26))))
(assert
 (= (+ M_0_27 (- M_0_11)) (+ M_4_27 (- M_4_26))))
(assert
 (= (+ M_1_27 (- M_1_19)) (+ M_3_27 (- M_3_25))))
(assert
 (= (+ M_1_27 (- M_1_11)) (+ M_4_27 (- M_4_25))))
(assert
 (= (+ M_3_27 (- M_3_11)) (+ M_4_27 (- M_4_19))))
(assert
 (= (+ M_2_28 (- M_2_20)) (+ M_3_28 (- M_3_24))))
(assert
 (= (+ M_2_28 (- M_2_12)) (+ M_4_28 (- M_4_24))))
(assert
 (= (+ M_3_28 (- M_3_12)) (+ M_4_28 (- M_4_20))))
(assert
 (= (+ M_0_29 (- M_0_25)) (+ M_2_29 (- M_2_28))))
(assert
 (= (+ M_0_29 (- M_0_21)) (+ M_3_29 (- M_3_28))))
(assert
 (= (+ M_0_29 (- M_0_13)) (+ M_4_29 (- M_4_28))))
(assert
 (= (+ M_2_29 (- M_2_21)) (+ M_3_29 (- M_3_25))))
(assert
 (= (+ M_2_29 (- M_2_13)) (+ M_4_29 (- M_4_25))))
(assert
 (= (+ M_3_29 (- M_3_13)) (+ M_4_29 (- M_4_21))))
(assert
 (= (+ M_1_30 (- M_1_26)) (+ M_2_30 (- M_2_28))))
(assert
 (= (+ M_1_30 (- M_1_22)) (+ M_3_30 (- M_3_28))))
(assert
 (= (+ M_1_30 (- M_1_14)) (+ M_4_30 (- M_4_28))))
(assert
 (= (+ M_2_30 (- M_2_22)) (+ M_3_30 (- M_3_26))))
(assert
 (= (+ M_2_30 (- M_2_14)) (+ M_4_30 (- M_4_26))))
(assert
 (= (+ M_3_30 (- M_3_14)) (+ M_4_30 (- M_4_22))))
(assert
 (= (+ M_0_31 (- M_0_29)) (+ M_1_31 (- M_1_30))))
(assert
 (= (+ M_0_31 (- M_0_27)) (+ M_2_31 (- M_2_30))))
(assert
 (= (+ M_0_31 (- M_0_23)) (+ M_3_31 (- M_3_30))))
(assert
 (= (+ M_0_31 (- M_0_15)) (+ M_4_31 (- M_4_30))))
(assert
 (= (+ M_1_31 (- M_1_27)) (+ M_2_31 (- M_2_29))))
(assert
 (= (+ M_1_31 (- M_1_23)) (+ M_3_31 (- M_3_29))))
(assert
 (= (+ M_1_31 (- M_1_15)) (+ M_4_31 (- M_4_29))))
(assert
 (= (+ M_2_31 (- M_2_23)) (+ M_3_31 (- M_3_27))))
(assert
 (= (+ M_2_31 (- M_2_15)) (+ M_4_31 (- M_4_27))))
(assert
 (= (+ M_3_31 (- M_3_15)) (+ M_4_31 (- M_4_23))))
(assert
 (<= M_0_1 v_1))
(assert
 (<= M_1_2 v_2))
(assert
 (<= M_0_3 v_3))
(assert
 (<= M_1_3 v_3))
(assert
 (<= M_2_4 v_4))
(assert
 (<= M_0_5 v_5))
(assert
 (<= M_2_5 v_5))
(assert
 (<= M_1_6 v_6))
(assert
 (<= M_2_6 v_6))
(assert
 (<= M_0_7 v_7))
(assert
 (<= M_1_7 v_7))
(assert
 (<= M_2_7 v_7))
(assert
 (<= M_3_8 v_8))
(assert
 (<= M_0_9 v_9))
(assert
 (<= M_3_9 v_9))
(assert
 (<= M_1_10 v_10))
(assert
 (<= M_3_10 v_10))
(assert
 (<= M_0_11 v_11))
(assert
 (<= M_1_11 v_11))
(assert
 (<= M_3_11 v_11))
(assert
 (<= M_2_12 v_12))
(assert
 (<= M_3_12 v_12))
(assert
 (<= M_0_13 v_13))
(assert
 (<= M_2_13 v_13))
(assert
 (<= M_3_13 v_13))
(assert
 (<= M_1_14 v_14))
(assert
 (<= M_2_14 v_14))
(assert
 (<= M_3_14 v_14))
(assert
 (<= M_0_15 v_15))
(assert
 (<= M_1_15 v_15))
(assert
 (<= M_2_15 v_15))
(assert
 (<= M_3_15 v_15))
(assert
 (<= M_4_16 v_16))
(assert
 (<= M_0_17 v_17))
(assert
 (<= M_4_17 v_17))
(assert
 (<= M_1_18 v_18))
(assert
 (<= M_4_18 v_18))
(assert
 (<= M_0_19 v_19))
(assert
 (<= M_1_19 v_19))
(assert
 (<= M_4_19 v_19))
(assert
 (<= M_2_20 v_20))
(assert
 (<= M_4_20 v_20))
(assert
 (<= M_0_21 v_21))
(assert
 (<= M_2_21 v_21))
(assert
 (<= M_4_21 v_21))
(assert
 (<= M_1_22 v_22))
(assert
 (<= M_2_22 v_22))
(assert
 (<= M_4_22 v_22))
(assert
 (<= M_0_23 v_23))
(assert
 (<= M_1_23 v_23))
(assert
 (<= M_2_23 v_23))
(assert
 (<= M_4_23 v_23))
(assert
 (<= M_3_24 v_24))
(assert
 (<= M_4_24 v_24))
(assert
 (<= M_0_25 v_25))
(assert
 (<= M_3_25 v_25))
(assert
 (<= M_4_25 v_25))
(assert
 (<= M_1_26 v_26))
(assert
 (<= M_3_26 v_26))
(assert
 (<= M_4_26 v_26))
(assert
 (<= M_0_27 v_27))
(assert
 (<= M_1_27 v_27))
(assert
 (<= M_3_27 v_27))
(assert
 (<= M_4_27 v_27))
(assert
 (<= M_2_28 v_28))
(assert
 (<= M_3_28 v_28))
(assert
 (<= M_4_28 v_28))
(assert
 (<= M_0_29 v_29))
(assert
 (<= M_2_29 v_29))
(assert
 (<= M_3_29 v_29))
(assert
 (<= M_4_29 v_29))
(assert
 (<= M_1_30 v_30))
(assert
 (<= M_2_30 v_30))
(assert
 (<= M_3_30 v_30))
(assert
 (<= M_4_30 v_30))
(assert
 (<= M_0_31 v_31))
(assert
 (<= M_1_31 v_31))
(assert
 (<= M_2_31 v_31))
(assert
 (<= M_3_31 v_31))
(assert
 (<= M_4_31 v_31))
(assert
 (= N_0_1 w_1))
(assert
 (= N_1_2 w_2))
(assert
 (let (($x1425 (= N_1_3 w_3)))
 (let (($x4369 (= N_0_3 w_3)))
 (or $x4369 $x1425))))
(assert
 (= N_2_4 w_4))
(assert
 (let (($x1944 (= N_2_5 w_5)))
 (let (($x2107 (= N_0_5 w_5)))
 (or $x2107 $x1944))))
(assert
 (let (($x5240 (= N_2_6 w_6)))
 (let (($x2939 (= N_1_6 w_6)))
 (or $x2939 $x5240))))
(assert
 (let (($x4470 (= N_2_7 w_7)))
 (let (($x1510 (= N_1_7 w_7)))
 (let (($x3949 (= N_0_7 w_7)))
 (or $x3949 $x1510 $x4470)))))
(assert
 (= N_3_8 w_8))
(assert
 (let (($x3775 (= N_3_9 w_9)))
 (let (($x426 (= N_0_9 w_9)))
 (or $x426 $x3775))))
(assert
 (let (($x1865 (= N_3_10 w_10)))
 (let (($x66 (= N_1_10 w_10)))
 (or $x66 $x1865))))
(assert
 (let (($x1019 (= N_3_11 w_11)))
 (let (($x2520 (= N_1_11 w_11)))
 (let (($x4235 (= N_0_11 w_11)))
 (or $x4235 $x2520 $x1019)))))
(assert
 (let (($x557 (= N_3_12 w_12)))
 (let (($x68 (= N_2_12 w_12)))
 (or $x68 $x557))))
(assert
 (let (($x982 (= N_3_13 w_13)))
 (let (($x5387 (= N_2_13 w_13)))
 (let (($x2122 (= N_0_13 w_13)))
 (or $x2122 $x5387 $x982)))))
(assert
 (let (($x375 (= N_3_14 w_14)))
 (let (($x967 (= N_2_14 w_14)))
 (let (($x5109 (= N_1_14 w_14)))
 (or $x5109 $x967 $x375)))))
(assert
 (let (($x251 (= N_3_15 w_15)))
 (let (($x660 (= N_2_15 w_15)))
 (let (($x5189 (= N_1_15 w_15)))
 (let (($x4946 (= N_0_15 w_15)))
 (or $x4946 $x5189 $x660 $x251))))))
(assert
 (= N_4_16 w_16))
(assert
 (let (($x1166 (= N_4_17 w_17)))
 (let (($x1314 (= N_0_17 w_17)))
 (or $x1314 $x1166))))
(assert
 (let (($x3914 (= N_4_18 w_18)))
 (let (($x3461 (= N_1_18 w_18)))
 (or $x3461 $x3914))))
(assert
 (let (($x466 (= N_4_19 w_19)))
 (let (($x1908 (= N_1_19 w_19)))
 (let (($x2167 (= N_0_19 w_19)))
 (or $x2167 $x1908 $x466)))))
(assert
 (let (($x1247 (= N_4_20 w_20)))
 (let (($x3368 (= N_2_20 w_20)))
 (or $x3368 $x1247))))
(assert
 (let (($x1124 (= N_4_21 w_21)))
 (let (($x2579 (= N_2_21 w_21)))
 (let (($x2885 (= N_0_21 w_21)))
 (or $x2885 $x2579 $x1124)))))
(assert
 (let (($x1995 (= N_4_22 w_22)))
 (let (($x142 (= N_2_22 w_22)))
 (let (($x1179 (= N_1_22 w_22)))
 (or $x1179 $x142 $x1995)))))
(assert
 (let (($x2566 (= N_4_23 w_23)))
 (let (($x1554 (= N_2_23 w_23)))
 (let (($x1796 (= N_1_23 w_23)))
 (let (($x2047 (= N_0_23 w_23)))
 (or $x2047 $x1796 $x1554 $x2566))))))
(assert
 (let (($x754 (= N_4_24 w_24)))
 (let (($x119 (= N_3_24 w_24)))
 (or $x119 $x754))))
(assert
 (let (($x2810 (= N_4_25 w_25)))
 (let (($x3536 (= N_3_25 w_25)))
 (let (($x1003 (= N_0_25 w_25)))
 (or $x1003 $x3536 $x2810)))))
(assert
 (let (($x1458 (= N_4_26 w_26)))
 (let (($x240 (= N_3_26 w_26)))
 (let (($x59 (= N_1_26 w_26)))
 (or $x59 $x240 $x1458)))))
(assert
 (let (($x719 (= N_4_27 w_27)))
 (let (($x1589 (= N_3_27 w_27)))
 (let (($x2209 (= N_1_27 w_27)))
 (let (($x1066 (= N_0_27 w_27)))
 (or $x1066 $x2209 $x1589 $x719))))))
(assert
 (let (($x4089 (= N_4_28 w_28)))
 (let (($x899 (= N_3_28 w_28)))
 (let (($x4239 (= N_2_28 w_28)))
 (or $x4239 $x899 $x4089)))))
(assert
 (let (($x3670 (= N_4_29 w_29)))
 (let (($x1250 (= N_3_29 w_29)))
 (let (($x3866 (= N_2_29 w_29)))
 (let (($x3686 (= N_0_29 w_29)))
 (or $x3686 $x3866 $x1250 $x3670))))))
(assert
 (let (($x5089 (= N_4_30 w_30)))
 (let (($x2758 (= N_3_30 w_30)))
 (let (($x294 (= N_2_30 w_30)))
 (let (($x5025 (= N_1_30 w_30)))
 (or $x5025 $x294 $x2758 $x5089))))))
(assert
 (let (($x1309 (= N_4_31 w_31)))
 (let (($x105 (= N_3_31 w_31)))
 (let (($x1043 (= N_2_31 w_31)))
 (let (($x1243 (= N_1_31 w_31)))
 (let (($x4051 (= N_0_31 w_31)))
 (or $x4051 $x1243 $x1043 $x105 $x1309)))))))
(assert
 (= N_0_0 w_1))
(assert
 (= N_1_0 w_2))
(assert
 (= N_2_0 w_4))
(assert
 (= N_3_0 w_8))
(assert
 (= N_4_0 w_16))
(assert
 (= N_1_1 w_2))
(assert
 (= N_2_1 w_4))
(assert
 (= N_3_1 w_8))
(assert
 (= N_4_1 w_16))
(assert
 (= N_0_2 w_1))
(assert
 (= N_2_2 w_4))
(assert
 (= N_3_2 w_8))
(assert
 (= N_4_2 w_16))
(assert
 (= N_2_3 w_4))
(assert
 (= N_3_3 w_8))
(assert
 (= N_4_3 w_16))
(assert
 (= N_0_4 w_1))
(assert
 (= N_1_4 w_2))
(assert
 (= N_3_4 w_8))
(assert
 (= N_4_4 w_16))
(assert
 (= N_1_5 w_2))
(assert
 (= N_3_5 w_8))
(assert
 (= N_4_5 w_16))
(assert
 (= N_0_6 w_1))
(assert
 (= N_3_6 w_8))
(assert
 (= N_4_6 w_16))
(assert
 (= N_3_7 w_8))
(assert
 (= N_4_7 w_16))
(assert
 (= N_0_8 w_1))
(assert
 (= N_1_8 w_2))
(assert
 (= N_2_8 w_4))
(assert
 (= N_4_8 w_16))
(assert
 (= N_1_9 w_2))
(assert
 (= N_2_9 w_4))
(assert
 (= N_4_9 w_16))
(assert
 (= N_0_10 w_1))
(assert
 (= N_2_10 w_4))
(assert
 (= N_4_10 w_16))
(assert
 (= N_2_11 w_4))
(assert
 (= N_4_11 w_16))
(assert
 (= N_0_12 w_1))
(assert
 (= N_1_12 w_2))
(assert
 (= N_4_12 w_16))
(assert
 (= N_1_13 w_2))
(assert
 (= N_4_13 w_16))
(assert
 (= N_0_14 w_1))
(assert
 (= N_4_14 w_16))
(assert
 (= N_4_15 w_16))
(assert
 (= N_0_16 w_1))
(assert
 (= N_1_16 w_2))
(assert
 (= N_2_16 w_4))
(assert
 (= N_3_16 w_8))
(assert
 (= N_1_17 w_2))
(assert
 (= N_2_17 w_4))
(assert
 (= N_3_17 w_8))
(assert
 (= N_0_18 w_1))
(assert
 (= N_2_18 w_4))
(assert
 (= N_3_18 w_8))
(assert
 (= N_2_19 w_4))
(assert
 (= N_3_19 w_8))
(assert
 (= N_0_20 w_1))
(assert
 (= N_1_20 w_2))
(assert
 (= N_3_20 w_8))
(assert
 (= N_1_21 w_2))
(assert
 (= N_3_21 w_8))
(assert
 (= N_0_22 w_1))
(assert
 (= N_3_22 w_8))
(assert
 (= N_3_23 w_8))
(assert
 (= N_0_24 w_1))
(assert
 (= N_1_24 w_2))
(assert
 (= N_2_24 w_4))
(assert
 (= N_1_25 w_2))
(assert
 (= N_2_25 w_4))
(assert
 (= N_0_26 w_1))
(assert
 (= N_2_26 w_4))
(assert
 (= N_2_27 w_4))
(assert
 (= N_0_28 w_1))
(assert
 (= N_1_28 w_2))
(assert
 (= N_1_29 w_2))
(assert
 (= N_0_30 w_1))
(assert
 (= (+ N_0_3 (- N_0_1)) (+ N_1_3 (- N_1_2))))
(assert
 (= (+ N_0_5 (- N_0_1)) (+ N_2_5 (- N_2_4))))
(assert
 (= (+ N_1_6 (- N_1_2)) (+ N_2_6 (- N_2_4))))
(assert
 (= (+ N_0_7 (- N_0_5)) (+ N_1_7 (- N_1_6))))
(assert
 (= (+ N_0_7 (- N_0_3)) (+ N_2_7 (- N_2_6))))
(assert
 (= (+ N_1_7 (- N_1_3)) (+ N_2_7 (- N_2_5))))
(assert
 (= (+ N_0_9 (- N_0_1)) (+ N_3_9 (- N_3_8))))
(assert
 (= (+ N_1_10 (- N_1_2)) (+ N_3_10 (- N_3_8))))
(assert
 (= (+ N_0_11 (- N_0_9)) (+ N_1_11 (- N_1_10))))
(assert
 (= (+ N_0_11 (- N_0_3)) (+ N_3_11 (- N_3_10))))
(assert
 (= (+ N_1_11 (- N_1_3)) (+ N_3_11 (- N_3_9))))
(assert
 (= (+ N_2_12 (- N_2_4)) (+ N_3_12 (- N_3_8))))
(assert
 (= (+ N_0_13 (- N_0_9)) (+ N_2_13 (- N_2_12))))
(assert
 (= (+ N_0_13 (- N_0_5)) (+ N_3_13 (- N_3_12))))
(assert
 (= (+ N_2_13 (- N_2_5)) (+ N_3_13 (- N_3_9))))
(assert
 (= (+ N_1_14 (- N_1_10)) (+ N_2_14 (- N_2_12))))
(assert
 (= (+ N_1_14 (- N_1_6)) (+ N_3_14 (- N_3_12))))
(assert
 (= (+ N_2_14 (- N_2_6)) (+ N_3_14 (- N_3_10))))
(assert
 (= (+ N_0_15 (- N_0_13)) (+ N_1_15 (- N_1_14))))
(assert
 (= (+ N_0_15 (- N_0_11)) (+ N_2_15 (- N_2_14))))
(assert
 (= (+ N_0_15 (- N_0_7)) (+ N_3_15 (- N_3_14))))
(assert
 (= (+ N_1_15 (- N_1_11)) (+ N_2_15 (- N_2_13))))
(assert
 (= (+ N_1_15 (- N_1_7)) (+ N_3_15 (- N_3_13))))
(assert
 (= (+ N_2_15 (- N_2_7)) (+ N_3_15 (- N_3_11))))
(assert
 (= (+ N_0_17 (- N_0_1)) (+ N_4_17 (- N_4_16))))
(assert
 (= (+ N_1_18 (- N_1_2)) (+ N_4_18 (- N_4_16))))
(assert
 (= (+ N_0_19 (- N_0_17)) (+ N_1_19 (- N_1_18))))
(assert
 (= (+ N_0_19 (- N_0_3)) (+ N_4_19 (- N_4_18))))
(assert
 (= (+ N_1_19 (- N_1_3)) (+ N_4_19 (- N_4_17))))
(assert
 (= (+ N_2_20 (- N_2_4)) (+ N_4_20 (- N_4_16))))
(assert
 (= (+ N_0_21 (- N_0_17)) (+ N_2_21 (- N_2_20))))
(assert
 (= (+ N_0_21 (- N_0_5)) (+ N_4_21 (- N_4_20))))
(assert
 (= (+ N_2_21 (- N_2_5)) (+ N_4_21 (- N_4_17))))
(assert
 (= (+ N_1_22 (- N_1_18)) (+ N_2_22 (- N_2_20))))
(assert
 (= (+ N_1_22 (- N_1_6)) (+ N_4_22 (- N_4_20))))
(assert
 (= (+ N_2_22 (- N_2_6)) (+ N_4_22 (- N_4_18))))
(assert
 (= (+ N_0_23 (- N_0_21)) (+ N_1_23 (- N_1_22))))
(assert
 (= (+ N_0_23 (- N_0_19)) (+ N_2_23 (- N_2_22))))
(assert
 (= (+ N_0_23 (- N_0_7)) (+ N_4_23 (- N_4_22))))
(assert
 (= (+ N_1_23 (- N_1_19)) (+ N_2_23 (- N_2_21))))
(assert
 (= (+ N_1_23 (- N_1_7)) (+ N_4_23 (- N_4_21))))
(assert
 (= (+ N_2_23 (- N_2_7)) (+ N_4_23 (- N_4_19))))
(assert
 (= (+ N_3_24 (- N_3_8)) (+ N_4_24 (- N_4_16))))
(assert
 (= (+ N_0_25 (- N_0_17)) (+ N_3_25 (- N_3_24))))
(assert
 (= (+ N_0_25 (- N_0_9)) (+ N_4_25 (- N_4_24))))
(assert
 (= (+ N_3_25 (- N_3_9)) (+ N_4_25 (- N_4_17))))
(assert
 (= (+ N_1_26 (- N_1_18)) (+ N_3_26 (- N_3_24))))
(assert
 (= (+ N_1_26 (- N_1_10)) (+ N_4_26 (- N_4_24))))
(assert
 (= (+ N_3_26 (- N_3_10)) (+ N_4_26 (- N_4_18))))
(assert
 (= (+ N_0_27 (- N_0_25)) (+ N_1_27 (- N_1_26))))
(assert
 (= (+ N_0_27 (- N_0_19)) (+ N_3_27 (- N_3_26))))
(assert
 (= (+ N_0_27 (- N_0_11)) (+ N_4_27 (- N_4_26))))
(assert
 (= (+ N_1_27 (- N_1_19)) (+ N_3_27 (- N_3_25))))
(assert
 (= (+ N_1_27 (- N_1_11)) (+ N_4_27 (- N_4_25))))
(assert
 (= (+ N_3_27 (- N_3_11)) (+ N_4_27 (- N_4_19))))
(assert
 (= (+ N_2_28 (- N_2_20)) (+ N_3_28 (- N_3_24))))
(assert
 (= (+ N_2_28 (- N_2_12)) (+ N_4_28 (- N_4_24))))
(assert
 (= (+ N_3_28 (- N_3_12)) (+ N_4_28 (- N_4_20))))
(assert
 (= (+ N_0_29 (- N_0_25)) (+ N_2_29 (- N_2_28))))
(assert
 (= (+ N_0_29 (- N_0_21)) (+ N_3_29 (- N_3_28))))
(assert
 (= (+ N_0_29 (- N_0_13)) (+ N_4_29 (- N_4_28))))
(assert
 (= (+ N_2_29 (- N_2_21)) (+ N_3_29 (- N_3_25))))
(assert
 (= (+ N_2_29 (- N_2_13)) (+ N_4_29 (- N_4_25))))
(assert
 (= (+ N_3_29 (- N_3_13)) (+ N_4_29 (- N_4_21))))
(assert
 (= (+ N_1_30 (- N_1_26)) (+ N_2_30 (- N_2_28))))
(assert
 (= (+ N_1_30 (- N_1_22)) (+ N_3_30 (- N_3_28))))
(assert
 (= (+ N_1_30 (- N_1_14)) (+ N_4_30 (- N_4_28))))
(assert
 (= (+ N_2_30 (- N_2_22)) (+ N_3_30 (- N_3_26))))
(assert
 (= (+ N_2_30 (- N_2_14)) (+ N_4_30 (- N_4_26))))
(assert
 (= (+ N_3_30 (- N_3_14)) (+ N_4_30 (- N_4_22))))
(assert
 (= (+ N_0_31 (- N_0_29)) (+ N_1_31 (- N_1_30))))
(assert
 (= (+ N_0_31 (- N_0_27)) (+ N_2_31 (- N_2_30))))
(assert
 (= (+ N_0_31 (- N_0_23)) (+ N_3_31 (- N_3_30))))
(assert
 (= (+ N_0_31 (- N_0_15)) (+ N_4_31 (- N_4_30))))
(assert
 (= (+ N_1_31 (- N_1_27)) (+ N_2_31 (- N_2_29))))
(assert
 (= (+ N_1_31 (- N_1_23)) (+ N_3_31 (- N_3_29))))
(assert
 (= (+ N_1_31 (- N_1_15)) (+ N_4_31 (- N_4_29))))
(assert
 (= (+ N_2_31 (- N_2_23)) (+ N_3_31 (- N_3_27))))
(assert
 (= (+ N_2_31 (- N_2_15)) (+ N_4_31 (- N_4_27))))
(assert
 (= (+ N_3_31 (- N_3_15)) (+ N_4_31 (- N_4_23))))
(assert
 (<= N_0_1 w_1))
(assert
 (<= N_1_2 w_2))
(assert
 (<= N_0_3 w_3))
(assert
 (<= N_1_3 w_3))
(assert
 (<= N_2_4 w_4))
(assert
 (<= N_0_5 w_5))
(assert
 (<= N_2_5 w_5))
(assert
 (<= N_1_6 w_6))
(assert
 (<= N_2_6 w_6))
(assert
 (<= N_0_7 w_7))
(assert
 (<= N_1_7 w_7))
(assert
 (<= N_2_7 w_7))
(assert
 (<= N_3_8 w_8))
(assert
 (<= N_0_9 w_9))
(assert
 (<= N_3_9 w_9))
(assert
 (<= N_1_10 w_10))
(assert
 (<= N_3_10 w_10))
(assert
 (<= N_0_11 w_11))
(assert
 (<= N_1_11 w_11))
(assert
 (<= N_3_11 w_11))
(assert
 (<= N_2_12 w_12))
(assert
 (<= N_3_12 w_12))
(assert
 (<= N_0_13 w_13))
(assert
 (<= N_2_13 w_13))
(assert
 (<= N_3_13 w_13))
(assert
 (<= N_1_14 w_14))
(assert
 (<= N_2_14 w_14))
(assert
 (<= N_3_14 w_14))
(assert
 (<= N_0_15 w_15))
(assert
 (<= N_1_15 w_15))
(assert
 (<= N_2_15 w_15))
(assert
 (<= N_3_15 w_15))
(assert
 (<= N_4_16 w_16))
(assert
 (<= N_0_17 w_17))
(assert
 (<= N_4_17 w_17))
(assert
 (<= N_1_18 w_18))
(assert
 (<= N_4_18 w_18))
(assert
 (<= N_0_19 w_19))
(assert
 (<= N_1_19 w_19))
(assert
 (<= N_4_19 w_19))
(assert
 (<= N_2_20 w_20))
(assert
 (<= N_4_20 w_20))
(assert
 (<= N_0_21 w_21))
(assert
 (<= N_2_21 w_21))
(assert
 (<= N_4_21 w_21))
(assert
 (<= N_1_22 w_22))
(assert
 (<= N_2_22 w_22))
(assert
 (<= N_4_22 w_22))
(assert
 (<= N_0_23 w_23))
(assert
 (<= N_1_23 w_23))
(assert
 (<= N_2_23 w_23))
(assert
 (<= N_4_23 w_23))
(assert
 (<= N_3_24 w_24))
(assert
 (<= N_4_24 w_24))
(assert
 (<= N_0_25 w_25))
(assert
 (<= N_3_25 w_25))
(assert
 (<= N_4_25 w_25))
(assert
 (<= N_1_26 w_26))
(assert
 (<= N_3_26 w_26))
(assert
 (<= N_4_26 w_26))
(assert
 (<= N_0_27 w_27))
(assert
 (<= N_1_27 w_27))
(assert
 (<= N_3_27 w_27))
(assert
 (<= N_4_27 w_27))
(assert
 (<= N_2_28 w_28))
(assert
 (<= N_3_28 w_28))
(assert
 (<= N_4_28 w_28))
(assert
 (<= N_0_29 w_29))
(assert
 (<= N_2_29 w_29))
(assert
 (<= N_3_29 w_29))
(assert
 (<= N_4_29 w_29))
(assert
 (<= N_1_30 w_30))
(assert
 (<= N_2_30 w_30))
(assert
 (<= N_3_30 w_30))
(assert
 (<= N_4_30 w_30))
(assert
 (<= N_0_31 w_31))
(assert
 (<= N_1_31 w_31))
(assert
 (<= N_2_31 w_31))
(assert
 (<= N_3_31 w_31))
(assert
 (<= N_4_31 w_31))
(assert
 (let (($x4316 (= w_15 v_15)))
(let (($x3628 (= w_14 v_14)))
(let (($x3552 (= w_13 v_13)))
(let (($x747 (= w_12 v_12)))
(let (($x3082 (= w_11 v_11)))
(let (($x2804 (= w_10 v_10)))
(let (($x943 (= w_9 v_9)))
(let (($x654 (= w_8 v_8)))
(let (($x3489 (= w_7 v_7)))
(let (($x1476 (= w_6 v_6)))
(let (($x878 (= w_5 v_5)))
(let (($x912 (= w_4 v_4)))
(let (($x3820 (= w_3 v_3)))
(let (($x2289 (= w_2 v_2)))
(let (($x2616 (= w_1 v_1)))
(let (($x2321 (= 0.0 0.0)))
(let (($x2031 (and $x2321 $x2616 $x2289 $x3820 $x912 $x878 $x1476 $x3489 $x654 $x943 $x2804 $x3082 $x747 $x3552 $x3628 $x4316)))
(let (($x1833 (> w_31 v_31)))
(let (($x2861 (>= w_31 v_31)))
(let (($x4868 (>= w_30 v_30)))
(let (($x731 (>= w_29 v_29)))
(let (($x865 (>= w_28 v_28)))
(let (($x1279 (>= w_27 v_27)))
(let (($x3629 (>= w_26 v_26)))
(let (($x3017 (>= w_25 v_25)))
(let (($x1974 (>= w_24 v_24)))
(let (($x104 (>= w_23 v_23)))
(let (($x1705 (>= w_22 v_22)))
(let (($x4993 (>= w_21 v_21)))
(let (($x843 (>= w_20 v_20)))
(let (($x5361 (>= w_19 v_19)))
(let (($x3548 (>= w_18 v_18)))
(let (($x1334 (>= w_17 v_17)))
(let (($x5536 (>= w_16 v_16)))
(let (($x172 (and $x5536 $x1334 $x3548 $x5361 $x843 $x4993 $x1705 $x104 $x1974 $x3017 $x3629 $x1279 $x865 $x731 $x4868 $x2861)))
(let (($x1312 (= w_23 v_23)))
(let (($x148 (= w_22 v_22)))
(let (($x4208 (= w_21 v_21)))
(let (($x5395 (= w_20 v_20)))
(let (($x5386 (= w_19 v_19)))
(let (($x1227 (= w_18 v_18)))
(let (($x1532 (= w_17 v_17)))
(let (($x851 (= w_16 v_16)))
(let (($x1552 (and $x2321 $x2616 $x2289 $x3820 $x912 $x878 $x1476 $x3489 $x851 $x1532 $x1227 $x5386 $x5395 $x4208 $x148 $x1312)))
(let (($x1409 (>= w_15 v_15)))
(let (($x321 (>= w_14 v_14)))
(let (($x1070 (>= w_13 v_13)))
(let (($x1219 (>= w_12 v_12)))
(let (($x2677 (>= w_11 v_11)))
(let (($x411 (>= w_10 v_10)))
(let (($x551 (>= w_9 v_9)))
(let (($x456 (>= w_8 v_8)))
(let (($x1578 (and $x456 $x551 $x411 $x2677 $x1219 $x1070 $x321 $x1409 $x1974 $x3017 $x3629 $x1279 $x865 $x731 $x4868 $x2861)))
(let (($x5335 (= w_27 v_27)))
(let (($x880 (= w_26 v_26)))
(let (($x496 (= w_25 v_25)))
(let (($x2519 (= w_24 v_24)))
(let (($x1840 (and $x2321 $x2616 $x2289 $x3820 $x654 $x943 $x2804 $x3082 $x851 $x1532 $x1227 $x5386 $x2519 $x496 $x880 $x5335)))
(let (($x280 (>= w_7 v_7)))
(let (($x186 (>= w_6 v_6)))
(let (($x5530 (>= w_5 v_5)))
(let (($x1991 (>= w_4 v_4)))
(let (($x678 (and $x1991 $x5530 $x186 $x280 $x1219 $x1070 $x321 $x1409 $x843 $x4993 $x1705 $x104 $x865 $x731 $x4868 $x2861)))
(let (($x1972 (= w_29 v_29)))
(let (($x1820 (= w_28 v_28)))
(let (($x1729 (and $x2321 $x2616 $x912 $x878 $x654 $x943 $x747 $x3552 $x851 $x1532 $x5395 $x4208 $x2519 $x496 $x1820 $x1972)))
(let (($x1174 (>= w_3 v_3)))
(let (($x2347 (>= w_2 v_2)))
(let (($x2868 (and $x2347 $x1174 $x186 $x280 $x411 $x2677 $x321 $x1409 $x3548 $x5361 $x1705 $x104 $x3629 $x1279 $x4868 $x2861)))
(let (($x3951 (= w_30 v_30)))
(let (($x3962 (and $x2321 $x2289 $x912 $x1476 $x654 $x2804 $x747 $x3628 $x851 $x1227 $x5395 $x148 $x2519 $x880 $x1820 $x3951)))
(let (($x1680 (>= w_1 v_1)))
(let (($x934 (and $x1680 $x1174 $x5530 $x280 $x551 $x2677 $x1070 $x1409 $x1334 $x5361 $x4993 $x104 $x3017 $x1279 $x731 $x2861)))
(let (($x1801 (and $x2321 $x2289 $x912 $x1476 $x654 $x2804 $x747 $x3628)))
(let (($x4882 (> w_30 v_30)))
(let (($x2989 (=> (and (and $x5536 $x3548 $x843 $x1705 $x1974 $x3629 $x865 $x4868) $x4882 $x1801) (> N_4_30 M_4_30))))
(let (($x2856 (and $x2321 $x2289 $x912 $x1476 $x851 $x1227 $x5395 $x148)))
(let (($x3906 (=> (and (and $x456 $x411 $x1219 $x321 $x1974 $x3629 $x865 $x4868) $x4882 $x2856) (> N_3_30 M_3_30))))
(let (($x1151 (and $x2321 $x2289 $x654 $x2804 $x851 $x1227 $x2519 $x880)))
(let (($x735 (=> (and (and $x1991 $x186 $x1219 $x321 $x843 $x1705 $x865 $x4868) $x4882 $x1151) (> N_2_30 M_2_30))))
(let (($x888 (and $x2321 $x912 $x654 $x747 $x851 $x5395 $x2519 $x1820)))
(let (($x2794 (=> (and (and $x2347 $x186 $x411 $x321 $x3548 $x1705 $x3629 $x4868) $x4882 $x888) (> N_1_30 M_1_30))))
(let (($x1544 (and $x2321 $x2616 $x912 $x878 $x654 $x943 $x747 $x3552)))
(let (($x3348 (> w_29 v_29)))
(let (($x1986 (=> (and (and $x5536 $x1334 $x843 $x4993 $x1974 $x3017 $x865 $x731) $x3348 $x1544) (> N_4_29 M_4_29))))
(let (($x2515 (and $x2321 $x2616 $x912 $x878 $x851 $x1532 $x5395 $x4208)))
(let (($x2352 (=> (and (and $x456 $x551 $x1219 $x1070 $x1974 $x3017 $x865 $x731) $x3348 $x2515) (> N_3_29 M_3_29))))
(let (($x2832 (and $x2321 $x2616 $x654 $x943 $x851 $x1532 $x2519 $x496)))
(let (($x2360 (=> (and (and $x1991 $x5530 $x1219 $x1070 $x843 $x4993 $x865 $x731) $x3348 $x2832) (> N_2_29 M_2_29))))
(let (($x2408 (=> (and (and $x1680 $x5530 $x551 $x1070 $x1334 $x4993 $x3017 $x731) $x3348 $x888) (> N_0_29 M_0_29))))
(let (($x864 (and $x2321 $x912 $x654 $x747)))
(let (($x65 (> w_28 v_28)))
(let (($x730 (=> (and (and $x456 $x1219 $x1974 $x865) $x65 (and $x2321 $x912 $x851 $x5395)) (> N_3_28 M_3_28))))
(let (($x2865 (=> (and (and $x1991 $x1219 $x843 $x865) $x65 (and $x2321 $x654 $x851 $x2519)) (> N_2_28 M_2_28))))
(let (($x1449 (and $x2321 $x2616 $x2289 $x3820 $x654 $x943 $x2804 $x3082)))
(let (($x4725 (> w_27 v_27)))
(let (($x1538 (=> (and (and $x5536 $x1334 $x3548 $x5361 $x1974 $x3017 $x3629 $x1279) $x4725 $x1449) (> N_4_27 M_4_27))))
(let (($x4840 (and $x2321 $x2616 $x2289 $x3820 $x851 $x1532 $x1227 $x5386)))
(let (($x4501 (=> (and (and $x456 $x551 $x411 $x2677 $x1974 $x3017 $x3629 $x1279) $x4725 $x4840) (> N_3_27 M_3_27))))
(let (($x5048 (=> (and (and $x2347 $x1174 $x411 $x2677 $x3548 $x5361 $x3629 $x1279) $x4725 $x2832) (> N_1_27 M_1_27))))
(let (($x5165 (=> (and (and $x1680 $x1174 $x551 $x2677 $x1334 $x5361 $x3017 $x1279) $x4725 $x1151) (> N_0_27 M_0_27))))
(let (($x2555 (and $x2321 $x2289 $x654 $x2804)))
(let (($x3550 (> w_26 v_26)))
(let (($x62 (=> (and (and $x456 $x411 $x1974 $x3629) $x3550 (and $x2321 $x2289 $x851 $x1227)) (> N_3_26 M_3_26))))
(let (($x27 (=> (and (and $x2347 $x411 $x3548 $x3629) $x3550 (and $x2321 $x654 $x851 $x2519)) (> N_1_26 M_1_26))))
(let (($x1661 (and $x2321 $x2616 $x654 $x943)))
(let (($x3264 (> w_25 v_25)))
(let (($x2535 (=> (and (and $x456 $x551 $x1974 $x3017) $x3264 (and $x2321 $x2616 $x851 $x1532)) (> N_3_25 M_3_25))))
(let (($x1770 (=> (and (and $x1680 $x551 $x1334 $x3017) $x3264 (and $x2321 $x654 $x851 $x2519)) (> N_0_25 M_0_25))))
(let (($x2601 (=> (and (and $x5536 $x1974) (> w_24 v_24) (and $x2321 $x654)) (> N_4_24 M_4_24))))
(let (($x3874 (=> (and (and $x456 $x1974) (> w_24 v_24) (and $x2321 $x851)) (> N_3_24 M_3_24))))
(let (($x1466 (and $x2321 $x2616 $x2289 $x3820 $x912 $x878 $x1476 $x3489)))
(let (($x5194 (> w_23 v_23)))
(let (($x4125 (=> (and (and $x5536 $x1334 $x3548 $x5361 $x843 $x4993 $x1705 $x104) $x5194 $x1466) (> N_4_23 M_4_23))))
(let (($x4088 (=> (and (and $x1991 $x5530 $x186 $x280 $x843 $x4993 $x1705 $x104) $x5194 $x4840) (> N_2_23 M_2_23))))
(let (($x5232 (=> (and (and $x2347 $x1174 $x186 $x280 $x3548 $x5361 $x1705 $x104) $x5194 $x2515) (> N_1_23 M_1_23))))
(let (($x2514 (=> (and (and $x1680 $x1174 $x5530 $x280 $x1334 $x5361 $x4993 $x104) $x5194 $x2856) (> N_0_23 M_0_23))))
(let (($x5327 (and $x2321 $x2289 $x912 $x1476)))
(let (($x5228 (> w_22 v_22)))
(let (($x2631 (=> (and (and $x1991 $x186 $x843 $x1705) $x5228 (and $x2321 $x2289 $x851 $x1227)) (> N_2_22 M_2_22))))
(let (($x1712 (=> (and (and $x2347 $x186 $x3548 $x1705) $x5228 (and $x2321 $x912 $x851 $x5395)) (> N_1_22 M_1_22))))
(let (($x90 (and $x2321 $x2616 $x912 $x878)))
(let (($x5411 (> w_21 v_21)))
(let (($x331 (=> (and (and $x1991 $x5530 $x843 $x4993) $x5411 (and $x2321 $x2616 $x851 $x1532)) (> N_2_21 M_2_21))))
(let (($x935 (=> (and (and $x1680 $x5530 $x1334 $x4993) $x5411 (and $x2321 $x912 $x851 $x5395)) (> N_0_21 M_0_21))))
(let (($x512 (=> (and (and $x5536 $x843) (> w_20 v_20) (and $x2321 $x912)) (> N_4_20 M_4_20))))
(let (($x2957 (=> (and (and $x1991 $x843) (> w_20 v_20) (and $x2321 $x851)) (> N_2_20 M_2_20))))
(let (($x31 (and $x2321 $x2616 $x2289 $x3820)))
(let (($x5376 (> w_19 v_19)))
(let (($x2194 (=> (and (and $x2347 $x1174 $x3548 $x5361) $x5376 (and $x2321 $x2616 $x851 $x1532)) (> N_1_19 M_1_19))))
(let (($x1051 (=> (and (and $x1680 $x1174 $x1334 $x5361) $x5376 (and $x2321 $x2289 $x851 $x1227)) (> N_0_19 M_0_19))))
(let (($x2718 (=> (and (and $x5536 $x3548) (> w_18 v_18) (and $x2321 $x2289)) (> N_4_18 M_4_18))))
(let (($x1445 (=> (and (and $x2347 $x3548) (> w_18 v_18) (and $x2321 $x851)) (> N_1_18 M_1_18))))
(let (($x3392 (=> (and (and $x5536 $x1334) (> w_17 v_17) (and $x2321 $x2616)) (> N_4_17 M_4_17))))
(let (($x14 (=> (and (and $x1680 $x1334) (> w_17 v_17) (and $x2321 $x851)) (> N_0_17 M_0_17))))
(let (($x5218 (> w_15 v_15)))
(let (($x5514 (=> (and (and $x456 $x551 $x411 $x2677 $x1219 $x1070 $x321 $x1409) $x5218 $x1466) (> N_3_15 M_3_15))))
(let (($x844 (=> (and (and $x1991 $x5530 $x186 $x280 $x1219 $x1070 $x321 $x1409) $x5218 $x1449) (> N_2_15 M_2_15))))
(let (($x589 (=> (and (and $x2347 $x1174 $x186 $x280 $x411 $x2677 $x321 $x1409) $x5218 $x1544) (> N_1_15 M_1_15))))
(let (($x2492 (=> (and (and $x1680 $x1174 $x5530 $x280 $x551 $x2677 $x1070 $x1409) $x5218 $x1801) (> N_0_15 M_0_15))))
(let (($x1768 (=> (and (and $x456 $x411 $x1219 $x321) (> w_14 v_14) $x5327) (> N_3_14 M_3_14))))
(let (($x3453 (=> (and (and $x1991 $x186 $x1219 $x321) (> w_14 v_14) $x2555) (> N_2_14 M_2_14))))
(let (($x720 (=> (and (and $x2347 $x186 $x411 $x321) (> w_14 v_14) $x864) (> N_1_14 M_1_14))))
(let (($x1385 (=> (and (and $x456 $x551 $x1219 $x1070) (> w_13 v_13) $x90) (> N_3_13 M_3_13))))
(let (($x2276 (=> (and (and $x1991 $x5530 $x1219 $x1070) (> w_13 v_13) $x1661) (> N_2_13 M_2_13))))
(let (($x268 (=> (and (and $x1680 $x5530 $x551 $x1070) (> w_13 v_13) $x864) (> N_0_13 M_0_13))))
(let (($x5392 (=> (and (and $x456 $x1219) (> w_12 v_12) (and $x2321 $x912)) (> N_3_12 M_3_12))))
(let (($x1864 (=> (and (and $x1991 $x1219) (> w_12 v_12) (and $x2321 $x654)) (> N_2_12 M_2_12))))
(let (($x998 (=> (and (and $x456 $x551 $x411 $x2677) (> w_11 v_11) $x31) (> N_3_11 M_3_11))))
(let (($x3920 (=> (and (and $x2347 $x1174 $x411 $x2677) (> w_11 v_11) $x1661) (> N_1_11 M_1_11))))
(let (($x4009 (=> (and (and $x1680 $x1174 $x551 $x2677) (> w_11 v_11) $x2555) (> N_0_11 M_0_11))))
(let (($x5214 (=> (and (and $x456 $x411) (> w_10 v_10) (and $x2321 $x2289)) (> N_3_10 M_3_10))))
(let (($x1442 (=> (and (and $x2347 $x411) (> w_10 v_10) (and $x2321 $x654)) (> N_1_10 M_1_10))))
(let (($x495 (=> (and (and $x456 $x551) (> w_9 v_9) (and $x2321 $x2616)) (> N_3_9 M_3_9))))
(let (($x1072 (=> (and (and $x1680 $x551) (> w_9 v_9) (and $x2321 $x654)) (> N_0_9 M_0_9))))
(let (($x464 (=> (and (and $x1991 $x5530 $x186 $x280) (> w_7 v_7) $x31) (> N_2_7 M_2_7))))
(let (($x269 (=> (and (and $x2347 $x1174 $x186 $x280) (> w_7 v_7) $x90) (> N_1_7 M_1_7))))
(let (($x183 (=> (and (and $x1680 $x1174 $x5530 $x280) (> w_7 v_7) $x5327) (> N_0_7 M_0_7))))
(let (($x1774 (=> (and (and $x1991 $x186) (> w_6 v_6) (and $x2321 $x2289)) (> N_2_6 M_2_6))))
(let (($x5060 (=> (and (and $x2347 $x186) (> w_6 v_6) (and $x2321 $x912)) (> N_1_6 M_1_6))))
(let (($x591 (=> (and (and $x1991 $x5530) (> w_5 v_5) (and $x2321 $x2616)) (> N_2_5 M_2_5))))
(let (($x1917 (=> (and (and $x1680 $x5530) (> w_5 v_5) (and $x2321 $x912)) (> N_0_5 M_0_5))))
(let (($x313 (=> (and (and $x2347 $x1174) (> w_3 v_3) (and $x2321 $x2616)) (> N_1_3 M_1_3))))
(let (($x323 (=> (and (and $x1680 $x1174) (> w_3 v_3) (and $x2321 $x2289)) (> N_0_3 M_0_3))))
(let (($x1211 (and (=> (and $x1680 (> w_1 v_1) $x2321) (> N_0_1 M_0_1)) (=> (and $x2347 (> w_2 v_2) $x2321) (> N_1_2 M_1_2)) $x323 $x313 (=> (and $x1991 (> w_4 v_4) $x2321) (> N_2_4 M_2_4)) $x1917 $x591 $x5060 $x1774 $x183 $x269 $x464 (=> (and $x456 (> w_8 v_8) $x2321) (> N_3_8 M_3_8)) $x1072 $x495 $x1442 $x5214 $x4009 $x3920 $x998 $x1864 $x5392 $x268 $x2276 $x1385 $x720 $x3453 $x1768 $x2492 $x589 $x844 $x5514 (=> (and $x5536 (> w_16 v_16) $x2321) (> N_4_16 M_4_16)) $x14 $x3392 $x1445 $x2718 $x1051 $x2194 (=> (and (and $x5536 $x1334 $x3548 $x5361) $x5376 $x31) (> N_4_19 M_4_19)) $x2957 $x512 $x935 $x331 (=> (and (and $x5536 $x1334 $x843 $x4993) $x5411 $x90) (> N_4_21 M_4_21)) $x1712 $x2631 (=> (and (and $x5536 $x3548 $x843 $x1705) $x5228 $x5327) (> N_4_22 M_4_22)) $x2514 $x5232 $x4088 $x4125 $x3874 $x2601 $x1770 $x2535 (=> (and (and $x5536 $x1334 $x1974 $x3017) $x3264 $x1661) (> N_4_25 M_4_25)) $x27 $x62 (=> (and (and $x5536 $x3548 $x1974 $x3629) $x3550 $x2555) (> N_4_26 M_4_26)) $x5165 $x5048 $x4501 $x1538 $x2865 $x730 (=> (and (and $x5536 $x843 $x1974 $x865) $x65 $x864) (> N_4_28 M_4_28)) $x2408 $x2360 $x2352 $x1986 $x2794 $x735 $x3906 $x2989 (=> (and $x934 $x1833 $x3962) (> N_0_31 M_0_31)) (=> (and $x2868 $x1833 $x1729) (> N_1_31 M_1_31)) (=> (and $x678 $x1833 $x1840) (> N_2_31 M_2_31)) (=> (and $x1578 $x1833 $x1552) (> N_3_31 M_3_31)) (=> (and $x172 $x1833 $x2031) (> N_4_31 M_4_31)))))
(not $x1211)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
(check-sat)
