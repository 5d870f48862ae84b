// Package par runs the iterations of a loop on every core: the build's
// posters and kits, and the loading of editions, go through it. It knows
// nothing of what the iterations do.
package par

import (
	"runtime"
	"sync"
)

// Do runs f(0..n-1) on at most GOMAXPROCS goroutines and returns when all
// have run. Each f writes only its own results.
func Do(n int, f func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
