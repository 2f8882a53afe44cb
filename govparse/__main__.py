from govparse.console import main

main()
